package dev.paperboy.support;

import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The site's password encoder (the same Argon2id parameters), counting every hash it computes: the
 * spy of AUTH-2 and AUTH-4.
 */
@TestConfiguration(proxyBeanMethods = false)
public class CountingEncoder implements PasswordEncoder {
  private final PasswordEncoder real = new Argon2PasswordEncoder(16, 32, 1, 19_456, 2);
  private final AtomicInteger hashes = new AtomicInteger();

  @Bean
  @Primary
  PasswordEncoder countingPasswordEncoder() {
    return this;
  }

  public int hashes() {
    return hashes.get();
  }

  @Override
  public String encode(CharSequence raw) {
    hashes.incrementAndGet();
    return real.encode(raw);
  }

  @Override
  public boolean matches(CharSequence raw, String encoded) {
    hashes.incrementAndGet();
    return real.matches(raw, encoded);
  }

  @Override
  public boolean upgradeEncoding(String encoded) {
    return real.upgradeEncoding(encoded);
  }
}
