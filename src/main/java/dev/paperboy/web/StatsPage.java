package dev.paperboy.web;

/** The stats page. The two charts are SVG markup made by {@code SvgCharts}, escaped there. */
public record StatsPage(long papers, String perDayTitle, String perDaySvg, String categoriesSvg) {}
