package dev.paperboy.curation;

import java.time.Duration;
import java.time.Period;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param zone the time zone whose calendar days the daily lists follow
 * @param cacheFor how long a read of the lists is reused: a submission on this node clears it at
 *     once; other nodes see a change after this long at most
 * @param submitMaxAge members may submit papers first published at most this long ago; older ones
 *     only curators may feature
 */
@ConfigurationProperties("paperboy.curation")
public record CurationSettings(
    @DefaultValue("UTC") ZoneId zone,
    @DefaultValue("PT1S") Duration cacheFor,
    @DefaultValue("P7D") Period submitMaxAge) {}
