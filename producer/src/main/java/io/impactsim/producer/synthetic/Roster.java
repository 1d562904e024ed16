package io.impactsim.producer.synthetic;

import io.impactsim.schemas.avro.CompanyProfile;
import io.impactsim.schemas.avro.CompanyRole;
import io.impactsim.schemas.avro.EventMetadata;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The companies of a synthetic market: a few cloud providers (one eighth), chip vendors (one
 * twentieth) and buyers, with log-normally distributed sizes. Listed companies report earnings.
 */
final class Roster {
  final List<CompanyProfile> profiles = new ArrayList<>();
  final List<String> providers = new ArrayList<>();
  final List<String> vendors = new ArrayList<>();
  final List<String> buyers = new ArrayList<>();
  final List<CompanyProfile> listed = new ArrayList<>();

  Roster(SyntheticConfig config, SplittableRandom random) {
    int k = config.companies();
    int providerCount = Math.max(2, k / 8);
    int vendorCount = Math.max(1, k / 20);
    int buyerCount = k - providerCount - vendorCount;
    for (int i = 1; i <= providerCount; i++) {
      add(
          profile(random, config, "provider-" + i, CompanyRole.CLOUD_PROVIDER, true, 300e9),
          providers);
    }
    for (int i = 1; i <= vendorCount; i++) {
      add(profile(random, config, "chips-" + i, CompanyRole.CHIP_VENDOR, true, 500e9), vendors);
    }
    for (int i = 1; i <= buyerCount; i++) {
      boolean isListed = random.nextDouble() < 0.6;
      CompanyRole role = isListed ? CompanyRole.SOFTWARE : CompanyRole.AI_LAB;
      add(profile(random, config, "buyer-" + i, role, isListed, isListed ? 80e9 : 20e9), buyers);
    }
  }

  private void add(CompanyProfile profile, List<String> group) {
    profiles.add(profile);
    group.add(profile.getId());
    if (profile.getListed()) {
      listed.add(profile);
    }
  }

  private static CompanyProfile profile(
      SplittableRandom random,
      SyntheticConfig config,
      String id,
      CompanyRole role,
      boolean isListed,
      double medianValue) {
    long value = Distributions.logNormalUsd(random, medianValue, 0.8);
    long revenue = Math.round(value * (0.05 + 0.25 * random.nextDouble()));
    return CompanyProfile.newBuilder()
        .setMeta(
            new EventMetadata(
                "syn-" + config.seed() + "-company-" + id,
                config.start(),
                "synthetic market, seed " + config.seed()))
        .setId(id)
        .setName("Synthetic " + id)
        .setTicker(isListed ? id.toUpperCase().replace("-", "") : null)
        .setListed(isListed)
        .setReferenceDate(LocalDate.ofInstant(config.start(), ZoneOffset.UTC))
        .setMarketCapUsd(isListed ? value : null)
        .setImpliedValuationUsd(isListed ? null : value)
        .setAnnualRevenueUsd(revenue)
        .setRoles(List.of(role))
        .setSegments(List.of(segmentOf(role)))
        .build();
  }

  private static String segmentOf(CompanyRole role) {
    return switch (role) {
      case CLOUD_PROVIDER -> "ai-compute-cloud";
      case CHIP_VENDOR -> "ai-accelerators";
      default -> "ai-software";
    };
  }
}
