package dev.paperboy.demo;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param enabled load the demo into a fresh, empty store ({@code PAPERBOY_DEMO_ENABLED})
 * @param seedDay the seed day resource
 * @param corpus the demo corpus resource (arXiv snapshot JSON lines, gzip)
 */
@ConfigurationProperties("paperboy.demo")
public record DemoSettings(
    @DefaultValue("true") boolean enabled,
    @DefaultValue("classpath:demo/seed-day.json") String seedDay,
    @DefaultValue("classpath:demo/arxiv-demo-corpus.jsonl.gz") String corpus) {}
