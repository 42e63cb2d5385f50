package dev.paperboy.web;

import java.util.List;
import java.util.Locale;

/**
 * Small bar charts drawn as SVG on the server: no script, no library, readable with CSS off. Every
 * label is escaped here, so the result may be printed as markup.
 */
final class SvgCharts {
  /** A labelled value. */
  record Bar(String label, long value) {}

  private SvgCharts() {}

  /** Vertical bars, one per label, with the first and last labels under the axis. */
  static String columns(String title, List<Bar> bars, int width, int height) {
    long max = Math.max(1, bars.stream().mapToLong(Bar::value).max().orElse(1));
    int bottom = height - 24;
    double slot = bars.isEmpty() ? width : (double) width / bars.size();
    StringBuilder svg = open(title, width, height);
    for (int i = 0; i < bars.size(); i++) {
      Bar bar = bars.get(i);
      double h = (double) (bottom - 16) * bar.value() / max;
      svg.append(
          String.format(
              Locale.ROOT,
              "<rect class=\"bar\" x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\"><title>%s: %,d</title></rect>",
              i * slot + 1,
              bottom - h,
              Math.max(1, slot - 2),
              h,
              escape(bar.label()),
              bar.value()));
    }
    if (!bars.isEmpty()) {
      svg.append(label(0, height - 6, "start", bars.get(0).label()));
      svg.append(label(width, height - 6, "end", bars.get(bars.size() - 1).label()));
      svg.append(label(0, 12, "start", String.format(Locale.ROOT, "%,d", max)));
    }
    return svg.append("</svg>").toString();
  }

  /** Horizontal bars with their labels and values, largest first as given. */
  static String rows(String title, List<Bar> bars, int width) {
    int row = 22;
    int height = Math.max(row, bars.size() * row);
    long max = Math.max(1, bars.stream().mapToLong(Bar::value).max().orElse(1));
    int labelWidth = 110;
    int valueWidth = 70;
    StringBuilder svg = open(title, width, height);
    for (int i = 0; i < bars.size(); i++) {
      Bar bar = bars.get(i);
      double w = (double) (width - labelWidth - valueWidth) * bar.value() / max;
      int y = i * row;
      svg.append(label(labelWidth - 6, y + 15, "end", bar.label()));
      svg.append(
          String.format(
              Locale.ROOT,
              "<rect class=\"bar\" x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"%d\"><title>%s: %,d</title></rect>",
              labelWidth,
              y + 3,
              Math.max(1, w),
              row - 6,
              escape(bar.label()),
              bar.value()));
      svg.append(
          label(
              (int) (labelWidth + w + 6),
              y + 15,
              "start",
              String.format(Locale.ROOT, "%,d", bar.value())));
    }
    return svg.append("</svg>").toString();
  }

  private static StringBuilder open(String title, int width, int height) {
    return new StringBuilder(
        String.format(
            Locale.ROOT,
            "<svg class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %d %d\" role=\"img\" aria-label=\"%s\"><title>%s</title>",
            width,
            height,
            escape(title),
            escape(title)));
  }

  private static String label(int x, int y, String anchor, String text) {
    return String.format(
        Locale.ROOT,
        "<text x=\"%d\" y=\"%d\" text-anchor=\"%s\">%s</text>",
        x,
        y,
        anchor,
        escape(text));
  }

  static String escape(String text) {
    return text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;");
  }
}
