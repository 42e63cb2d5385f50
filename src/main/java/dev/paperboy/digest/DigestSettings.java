package dev.paperboy.digest;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Digests ({@code paperboy.digest.*}).
 *
 * @param scheduled whether {@code serve} builds and sends editions by itself
 * @param dailyAt when the daily edition of the previous day is built (cron, configured zone)
 * @param weeklyAt when the weekly edition of the previous ISO week is built (cron, configured zone)
 * @param weekends whether Saturday's and Sunday's lists get a daily edition
 * @param top trending papers of the period in each digest
 * @param matches papers matching a subscriber's categories and keywords, at most
 * @param recommended recommendations for members, at most
 * @param rate the relay's throughput: {@code count/ISO period}, several separated by commas; kept
 *     across nodes and restarts (MAIL-3)
 * @param connections SMTP connections kept open per node, each used by one sending thread
 * @param idle how long an unused SMTP connection stays open
 * @param batch rows one sender claims at a time: the most a kill can send twice (MAIL-1)
 * @param lease how long a claimed row is a sender's; after it another node takes the row over
 * @param maxAttempts attempts before a row fails for good (transient errors only)
 * @param retryAfter the first retry's delay; each next one doubles, up to six hours
 * @param pauseAfterFailures failed sends in a row after which an edition pauses until the next
 *     sending round (a relay that refuses everything should not burn through the list)
 * @param inactiveAfter subscribers silent this long (no confirmation, visit or preference change)
 *     get no more digests (MAIL-8)
 * @param confirmFor how long a confirmation link works
 * @param softBounceLimit soft bounces within 30 days that suppress an address
 * @param bounceSecret the shared secret of the bounce webhook; blank turns the webhook off
 * @param sendEvery the pause between two sending rounds of {@code serve}
 */
@ConfigurationProperties("paperboy.digest")
public record DigestSettings(
    @DefaultValue("true") boolean scheduled,
    @DefaultValue("0 0 8 * * *") String dailyAt,
    @DefaultValue("0 0 8 * * MON") String weeklyAt,
    @DefaultValue("false") boolean weekends,
    @DefaultValue("10") int top,
    @DefaultValue("10") int matches,
    @DefaultValue("5") int recommended,
    @DefaultValue("20/PT1S") String rate,
    @DefaultValue("10") int connections,
    @DefaultValue("PT15S") Duration idle,
    @DefaultValue("20") int batch,
    @DefaultValue("PT5M") Duration lease,
    @DefaultValue("8") int maxAttempts,
    @DefaultValue("PT5M") Duration retryAfter,
    @DefaultValue("50") int pauseAfterFailures,
    @DefaultValue("P180D") Duration inactiveAfter,
    @DefaultValue("P2D") Duration confirmFor,
    @DefaultValue("4") int softBounceLimit,
    @DefaultValue("") String bounceSecret,
    @DefaultValue("PT30S") Duration sendEvery) {}
