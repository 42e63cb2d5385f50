package dev.paperboy.curation;

import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param zone the time zone whose calendar days the daily lists follow
 */
@ConfigurationProperties("paperboy.curation")
public record CurationSettings(@DefaultValue("UTC") ZoneId zone) {}
