package dev.paperboy.demo;

/**
 * Where the demo load stands, for the banner on the pages.
 *
 * @param loading true while the demo corpus is being loaded in the background
 * @param recordsRead corpus records read so far
 */
public record DemoStatus(boolean loading, long recordsRead) {
  static final DemoStatus IDLE = new DemoStatus(false, 0);
}
