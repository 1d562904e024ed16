package io.impactsim.model.calibrate;

import java.time.LocalDate;

/**
 * One line of an observed-reactions file: how one listed company's shares moved on one event.
 *
 * @param window what the move measures, e.g. {@code CLOSE_TO_CLOSE}
 * @param returnPct the move in percent
 * @param indexReturnPct the market index's move that day in percent, null when not known
 * @param line the line of the file, for messages
 */
public record ObservedReaction(
    String eventId,
    String company,
    LocalDate tradingDay,
    String window,
    double returnPct,
    Double indexReturnPct,
    int line) {

  /**
   * The abnormal return as a ratio: the move less the index's move when known (a market model with
   * beta 1), else the raw move.
   */
  public double abnormalReturn() {
    return (returnPct - (indexReturnPct == null ? 0 : indexReturnPct)) / 100.0;
  }
}
