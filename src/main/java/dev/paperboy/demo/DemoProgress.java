package dev.paperboy.demo;

import org.springframework.stereotype.Service;

/** Tells the pages whether the demo corpus is still loading. */
@Service
public class DemoProgress {
  private final DemoData demo;

  DemoProgress(DemoData demo) {
    this.demo = demo;
  }

  public DemoStatus status() {
    return demo.status();
  }
}
