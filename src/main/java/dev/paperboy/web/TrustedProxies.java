package dev.paperboy.web;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.catalina.valves.RemoteIpValve;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;

/**
 * The client's address behind a reverse proxy (docs/reliability.md NODE-1). {@code X-Forwarded-For}
 * and {@code X-Forwarded-Proto} are believed only from the configured proxies: a request straight
 * from anywhere else keeps its own address whatever it claims, so a rotating header cannot reset
 * the per-address limits. With no proxy configured (the default) the headers are ignored
 * altogether.
 */
@Component
class TrustedProxies implements WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory> {
  private final List<String> proxies;

  TrustedProxies(@Value("${paperboy.web.trusted-proxies:}") List<String> proxies) {
    this.proxies = proxies.stream().map(String::strip).filter(p -> !p.isEmpty()).toList();
  }

  @Override
  public void customize(ConfigurableTomcatWebServerFactory factory) {
    if (proxies.isEmpty()) {
      return;
    }
    RemoteIpValve valve = new RemoteIpValve();
    valve.setRemoteIpHeader("X-Forwarded-For");
    valve.setProtocolHeader("X-Forwarded-Proto");
    // The addresses as the container writes them (::1 is 0:0:0:0:0:0:0:1), matched exactly.
    valve.setInternalProxies(
        proxies.stream()
            .map(TrustedProxies::literal)
            .map(Pattern::quote)
            .collect(Collectors.joining("|")));
    valve.setTrustedProxies(null);
    factory.addEngineValves(valve);
  }

  private static String literal(String address) {
    if (!address.matches("[0-9A-Fa-f:.]+")) {
      throw new IllegalArgumentException(
          "paperboy.web.trusted-proxies: '"
              + address
              + "' is not an IP address (list each proxy's address, such as 127.0.0.1)");
    }
    try {
      return InetAddress.getByName(address).getHostAddress();
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException(
          "paperboy.web.trusted-proxies: '" + address + "' is not an IP address", e);
    }
  }
}
