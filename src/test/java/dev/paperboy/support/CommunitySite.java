package dev.paperboy.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ContextConfiguration;

/**
 * As {@link Site} (the whole site, fresh SQLite, demo with the sample corpus), sending mail to the
 * {@link Mailbox}, with the {@link CommunitySettings}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(
    initializers = {
      SqliteStore.Initializer.class,
      Mailbox.Initializer.class,
      CommunityArxiv.Initializer.class,
      CommunitySettings.class
    })
@Import({FixedClock.class, CountingEncoder.class})
public @interface CommunitySite {}
