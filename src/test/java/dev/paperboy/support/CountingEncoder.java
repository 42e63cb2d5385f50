package dev.paperboy.support;

import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Counts every hash the site's own password encoder computes: the spy of AUTH-2 and AUTH-4. It
 * wraps the production bean rather than standing in for it, so that AUTH-1's test of the stored
 * hash checks the encoder the site really uses.
 */
@TestConfiguration(proxyBeanMethods = false)
public class CountingEncoder implements BeanPostProcessor {
  private final AtomicInteger hashes = new AtomicInteger();

  public int hashes() {
    return hashes.get();
  }

  @Override
  public Object postProcessAfterInitialization(Object bean, String name) {
    return bean instanceof PasswordEncoder real ? new Counting(real) : bean;
  }

  private final class Counting implements PasswordEncoder {
    private final PasswordEncoder real;

    Counting(PasswordEncoder real) {
      this.real = real;
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
}
