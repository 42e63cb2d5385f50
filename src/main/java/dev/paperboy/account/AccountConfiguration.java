package dev.paperboy.account;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

@Configuration(proxyBeanMethods = false)
class AccountConfiguration {
  /**
   * Argon2id with OWASP's minimum, set explicitly (AUTH-1): 19 MiB of memory, 2 passes, one lane, a
   * 16-byte salt and a 32-byte hash. Hashes with weaker parameters are upgraded at the next
   * successful sign-in ({@link MemberDetailsService#updatePassword}).
   */
  @Bean
  PasswordEncoder passwordEncoder() {
    return new Argon2PasswordEncoder(16, 32, 1, 19_456, 2);
  }
}
