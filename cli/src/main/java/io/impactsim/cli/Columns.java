package io.impactsim.cli;

import com.github.freva.asciitable.Column;
import com.github.freva.asciitable.HorizontalAlign;

/** Column factories shared by the view tables: text left, figures right. */
final class Columns {
  private Columns() {}

  static Column left(String header) {
    return new Column().header(header).dataAlign(HorizontalAlign.LEFT);
  }

  static Column right(String header) {
    return new Column().header(header).dataAlign(HorizontalAlign.RIGHT);
  }
}
