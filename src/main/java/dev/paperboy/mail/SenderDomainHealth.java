package dev.paperboy.mail;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Hashtable;
import java.util.List;
import java.util.Optional;
import javax.naming.NamingEnumeration;
import javax.naming.NamingException;
import javax.naming.directory.Attribute;
import javax.naming.directory.Attributes;
import javax.naming.directory.DirContext;
import javax.naming.directory.InitialDirContext;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Whether mail from the sender's domain can be trusted by receivers (MAIL-8): an SPF record, a DKIM
 * key under the configured selector, a DMARC policy, and a reverse name for the relay. Looked up
 * once when the site is ready (off the start-up path) and shown as the {@code senderDomain} health
 * component: {@code WARN} when something is missing, which never fails the site's health; each
 * problem is logged with what to set up.
 */
@Component("senderDomain")
class SenderDomainHealth implements HealthIndicator {
  static final Status WARN = new Status("WARN", "mail from this domain may be taken for spam");
  private static final Logger log = LoggerFactory.getLogger(SenderDomainHealth.class);

  private final MailSettings settings;
  private final String relay;
  private volatile @Nullable List<String> warnings;

  SenderDomainHealth(MailSettings settings, @Value("${spring.mail.host:}") String relay) {
    this.settings = settings;
    this.relay = relay;
  }

  @EventListener(ApplicationReadyEvent.class)
  void checkSoon() {
    // DNS answers can take seconds; the site is ready without them.
    Thread lookup = new Thread(this::check, "sender-domain-check");
    lookup.setDaemon(true);
    lookup.start();
  }

  void check() {
    if (relay.isBlank()) {
      warnings = List.of();
      return;
    }
    List<String> found = problems(Addresses.domain(settings.from()), settings.dkimSelector());
    found.forEach(problem -> log.warn("Mail: {}", problem));
    warnings = found;
  }

  @Override
  public Health health() {
    List<String> known = warnings;
    if (known == null) {
      return Health.unknown().withDetail("checked", false).build();
    }
    return (known.isEmpty() ? Health.up() : Health.status(WARN))
        .withDetail("warnings", known)
        .build();
  }

  /** What receivers will find missing for mail from {@code domain}; empty when all is there. */
  List<String> problems(String domain, String selector) {
    List<String> problems = new ArrayList<>();
    if (txt(domain).stream().noneMatch(r -> r.startsWith("v=spf1"))) {
      problems.add("SPF: no \"v=spf1\" TXT record for " + domain + "; add one naming your relay");
    }
    String dkim = selector + "._domainkey." + domain;
    if (txt(dkim).stream().noneMatch(r -> r.contains("p="))) {
      problems.add(
          "DKIM: no key at "
              + dkim
              + "; have the relay sign for "
              + domain
              + " and publish its key (selector: paperboy.mail.dkim-selector)");
    }
    if (txt("_dmarc." + domain).stream().noneMatch(r -> r.startsWith("v=DMARC1"))) {
      problems.add("DMARC: no \"v=DMARC1\" TXT record at _dmarc." + domain);
    }
    if (!reverseName(relay).isPresent()) {
      problems.add("PTR: the relay " + relay + " has no reverse name");
    }
    return problems;
  }

  private static List<String> txt(String name) {
    List<String> records = new ArrayList<>();
    try {
      Attributes attributes = dns().getAttributes(name, new String[] {"TXT"});
      Attribute txt = attributes.get("TXT");
      if (txt != null) {
        NamingEnumeration<?> values = txt.getAll();
        while (values.hasMore()) {
          records.add(String.valueOf(values.next()).replace("\"", "").strip());
        }
      }
    } catch (NamingException e) {
      // No such name, or no answer: the record is not there as far as receivers can tell.
    }
    return records;
  }

  private static Optional<String> reverseName(String host) {
    try {
      InetAddress address = InetAddress.getByName(host);
      String name = address.getCanonicalHostName();
      return name.equals(address.getHostAddress()) ? Optional.empty() : Optional.of(name);
    } catch (UnknownHostException e) {
      return Optional.empty();
    }
  }

  private static DirContext dns() throws NamingException {
    Hashtable<String, String> env = new Hashtable<>();
    env.put("java.naming.factory.initial", "com.sun.jndi.dns.DnsContextFactory");
    env.put("com.sun.jndi.dns.timeout.initial", "2000");
    env.put("com.sun.jndi.dns.timeout.retries", "1");
    return new InitialDirContext(env);
  }
}
