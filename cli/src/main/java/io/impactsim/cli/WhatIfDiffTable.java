package io.impactsim.cli;

import com.github.freva.asciitable.AsciiTable;
import com.github.freva.asciitable.Column;
import com.github.freva.asciitable.HorizontalAlign;
import io.impactsim.views.read.Difference;
import java.util.List;

/** Renders the differences between two namespaces' views side by side, one row per field. */
final class WhatIfDiffTable {
  private WhatIfDiffTable() {}

  static String render(List<Difference> differences, String baseName, String otherName) {
    if (differences.isEmpty()) {
      return "No differences: every view of " + otherName + " equals " + baseName + ".\n";
    }
    return AsciiTable.getTable(
            differences,
            List.of(
                left("View").with(Difference::view),
                left("Key").maxWidth(40).with(Difference::key),
                left("Field").maxWidth(32).with(d -> d.field().isEmpty() ? "(record)" : d.field()),
                right(baseName).maxWidth(24).with(Difference::base),
                right(otherName).maxWidth(24).with(Difference::other)))
        + "\n"
        + differences.size()
        + " field(s) differ.\n";
  }

  private static Column left(String header) {
    return new Column().header(header).dataAlign(HorizontalAlign.LEFT);
  }

  private static Column right(String header) {
    return new Column().header(header).dataAlign(HorizontalAlign.RIGHT);
  }
}
