package dev.paperboy.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.ContextConfiguration;

/**
 * The application without web server or demo, on a fresh PostgreSQL database. Skipped when no
 * server answers, failed instead when the run requires PostgreSQL (see {@link Requirements}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(PostgresStore.Condition.class)
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.NONE,
    properties = {"paperboy.demo.enabled=false", "paperboy.search.settle=PT0S"})
@ContextConfiguration(initializers = PostgresStore.Initializer.class)
public @interface PostgresStore {
  class Initializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {
    @Override
    public void initialize(ConfigurableApplicationContext context) {
      TestPropertyValues.of(
              "paperboy.store.data-dir=" + Postgres.freshDataDir(),
              "paperboy.store.url=" + Postgres.freshDatabase(),
              "paperboy.store.user=" + Postgres.USER,
              "paperboy.store.password=" + Postgres.PASSWORD)
          .applyTo(context);
    }
  }

  class Condition implements ExecutionCondition {
    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
      boolean available = Postgres.available();
      if (!available && System.getProperty("paperboy.test.require", "").contains("postgres")) {
        throw new IllegalStateException(
            "PostgreSQL is required for this run but does not answer at " + Postgres.ADMIN_URL);
      }
      return available
          ? ConditionEvaluationResult.enabled("PostgreSQL answers at " + Postgres.ADMIN_URL)
          : ConditionEvaluationResult.disabled(
              "PostgreSQL not available at "
                  + Postgres.ADMIN_URL
                  + "; start it or set PAPERBOY_TEST_PG_URL to run this suite");
    }
  }
}
