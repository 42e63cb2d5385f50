package dev.paperboy.ingest;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class IngestConfiguration {
  @Bean
  Sleeper sleeper() {
    return Sleeper.REAL;
  }
}
