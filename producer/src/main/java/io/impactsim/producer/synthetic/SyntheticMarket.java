package io.impactsim.producer.synthetic;

import io.impactsim.producer.InputEvent;
import io.impactsim.schemas.avro.CompanyProfile;
import io.impactsim.schemas.serde.GeneratedRecords;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.SplittableRandom;

/**
 * A synthetic AI-compute market: first every company's profile, then deals, earnings and rare
 * restructurings in event-time order. Generated lazily, so a million events need no memory; each
 * iteration starts again from the seed and yields the same events, ids included.
 */
public final class SyntheticMarket implements Iterable<InputEvent> {
  /** Share of the non-earnings events that are restructurings. */
  static final double RESTRUCTURING_SHARE = 0.003;

  private final SyntheticConfig config;

  public SyntheticMarket(SyntheticConfig config) {
    GeneratedRecords.trust();
    this.config = config;
  }

  /** How many events an iteration yields. */
  public long size() {
    return config.events();
  }

  @Override
  public Iterator<InputEvent> iterator() {
    return new Generator(config);
  }

  /** One pass over the market; all randomness comes from one generator seeded once. */
  private static final class Generator implements Iterator<InputEvent> {
    private final SplittableRandom random;
    private final Roster roster;
    private final EventDraws draws;
    private final List<ScheduledEarnings> earnings;
    private final double meanGapMillis;
    private final String idPrefix;
    private long remaining;
    private int profileIndex;
    private int earningsIndex;
    private double nextOtherMillis;
    private long sequence;

    Generator(SyntheticConfig config) {
      random = new SplittableRandom(config.seed());
      roster = new Roster(config, random);
      draws = new EventDraws(random, roster, config.seed());
      idPrefix = "syn-" + config.seed() + "-";
      remaining = config.events();
      long afterProfiles = config.events() - roster.profiles.size();
      earnings = schedule(config, roster, afterProfiles / 4);
      long others = afterProfiles - earnings.size();
      meanGapMillis = config.span().toMillis() / (double) (others + 1);
      nextOtherMillis =
          config.start().toEpochMilli() + Distributions.exponential(random, meanGapMillis);
    }

    @Override
    public boolean hasNext() {
      return remaining > 0;
    }

    @Override
    public InputEvent next() {
      if (remaining <= 0) {
        throw new NoSuchElementException();
      }
      remaining--;
      if (profileIndex < roster.profiles.size()) {
        return InputEvent.of(roster.profiles.get(profileIndex++));
      }
      String id = idPrefix + (++sequence);
      if (earningsIndex < earnings.size()
          && earnings.get(earningsIndex).at().toEpochMilli() <= (long) nextOtherMillis) {
        ScheduledEarnings e = earnings.get(earningsIndex++);
        return InputEvent.of(draws.earnings(id, e.at(), e.company(), e.period()));
      }
      Instant at = Instant.ofEpochMilli((long) nextOtherMillis);
      nextOtherMillis += Distributions.exponential(random, meanGapMillis);
      return InputEvent.of(
          random.nextDouble() < RESTRUCTURING_SHARE
              ? draws.restructuring(id, at)
              : draws.deal(id, at));
    }

    /**
     * Each listed company reports each calendar quarter ending in the span, 30 days after the
     * quarter, a minute apart; at most {@code limit} reports, the earliest first.
     */
    private static List<ScheduledEarnings> schedule(
        SyntheticConfig config, Roster roster, long limit) {
      List<ScheduledEarnings> out = new ArrayList<>();
      Instant end = config.start().plus(config.span());
      LocalDate quarterEnd = firstQuarterEnd(LocalDate.ofInstant(config.start(), ZoneOffset.UTC));
      while (out.size() < limit) {
        Instant reportDay = quarterEnd.plusDays(30).atStartOfDay(ZoneOffset.UTC).toInstant();
        if (!reportDay.isBefore(end)) {
          break;
        }
        String period = quarterEnd.getYear() + "-Q" + ((quarterEnd.getMonthValue() + 2) / 3);
        for (int i = 0; i < roster.listed.size() && out.size() < limit; i++) {
          Instant at = reportDay.plusSeconds(20L * 3600 + 60L * i);
          out.add(new ScheduledEarnings(at, roster.listed.get(i), period));
        }
        quarterEnd = firstQuarterEnd(quarterEnd.plusDays(1));
      }
      return out;
    }

    private static LocalDate firstQuarterEnd(LocalDate from) {
      int lastMonth = ((from.getMonthValue() - 1) / 3 + 1) * 3;
      LocalDate end = LocalDate.of(from.getYear(), lastMonth, 1);
      return end.withDayOfMonth(end.lengthOfMonth());
    }
  }

  private record ScheduledEarnings(Instant at, CompanyProfile company, String period) {}
}
