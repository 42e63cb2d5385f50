package dev.paperboy.web;

import dev.paperboy.account.AccountSettings;
import dev.paperboy.rules.Limits;
import dev.paperboy.rules.RateLimits;
import dev.paperboy.rules.Refusal;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import javax.sql.DataSource;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.rememberme.JdbcTokenRepositoryImpl;
import org.springframework.security.web.authentication.rememberme.PersistentTokenBasedRememberMeServices;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.session.web.http.CookieSerializer;
import org.springframework.session.web.http.DefaultCookieSerializer;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Sign-in, sessions and forms (RELIABILITY.md AUTH-3, AUTH-6): form sign-in by email, sessions in
 * the database (Spring Session JDBC, so any node serves any member) under a {@code __Host-} cookie,
 * remember-me tokens in the database, CSRF tokens on every state-changing request, sign-in attempts
 * throttled per address and per account before any password is hashed.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class WebSecurity {
  private static final int REMEMBER_FOR_SECONDS = 30 * 24 * 3600;

  /**
   * No observation around each security filter: with Actuator present Spring Security would time
   * every filter of every request, a cost the busiest pages pay for metrics nobody reads.
   */
  @Bean
  SecurityObservationSettings securityObservations() {
    return SecurityObservationSettings.noObservations();
  }

  @Bean
  JdbcTokenRepositoryImpl rememberedLogins(DataSource dataSource) {
    JdbcTokenRepositoryImpl repository = new JdbcTokenRepositoryImpl();
    repository.setDataSource(dataSource);
    return repository;
  }

  @Bean
  SecurityFilterChain filterChain(
      HttpSecurity http,
      UserDetailsService members,
      JdbcTokenRepositoryImpl rememberedLogins,
      AccountSettings settings,
      RateLimits rateLimits,
      Limits limits)
      throws Exception {
    // Persistent tokens: the cookie holds a random series and token checked against the database
    // row, so the key only pairs the services with their provider and is no secret.
    PersistentTokenBasedRememberMeServices rememberMe =
        new PersistentTokenBasedRememberMeServices(
            "paperboy-remember-me", members, rememberedLogins);
    rememberMe.setParameter("remember");
    rememberMe.setCookieName(settings.secureCookies() ? "__Host-remember" : "remember");
    rememberMe.setUseSecureCookie(settings.secureCookies());
    rememberMe.setTokenValiditySeconds(REMEMBER_FOR_SECONDS);
    http.authorizeHttpRequests(
            requests ->
                requests
                    .requestMatchers("/account/**", "/papers/submit", "/curate/**", "/for-you/**")
                    .authenticated()
                    .anyRequest()
                    .permitAll())
        .formLogin(
            form ->
                form.loginPage("/login")
                    .usernameParameter("email")
                    .passwordParameter("password")
                    .successHandler(
                        (request, response, auth) ->
                            response.sendRedirect(SafeRedirect.path(request.getParameter("next"))))
                    .failureHandler(
                        (request, response, e) -> response.sendRedirect("/login?error")))
        .rememberMe(remember -> remember.rememberMeServices(rememberMe).key("paperboy-remember-me"))
        // Mail clients POST the one-click unsubscribe without cookies (RFC 8058); digest sign-up
        // through the API never acts on a session, the bounce webhook has its own secret, and
        // recommendations from a library read the list they are sent and nothing else.
        .csrf(
            csrf ->
                csrf.ignoringRequestMatchers(
                    PathPatternRequestMatcher.pathPattern(HttpMethod.POST, "/u/*"),
                    PathPatternRequestMatcher.pathPattern(HttpMethod.POST, "/api/subscriptions"),
                    PathPatternRequestMatcher.pathPattern(HttpMethod.POST, "/api/mail/bounces"),
                    PathPatternRequestMatcher.pathPattern(HttpMethod.POST, "/api/recommendations")))
        .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/"))
        .exceptionHandling(
            errors ->
                errors.defaultAuthenticationEntryPointFor(
                    new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED),
                    PathPatternRequestMatcher.pathPattern("/api/**")))
        // The SecurityHeaders filter writes the headers (one policy for every response), and
        // responses keep their own caching rules (feeds and the API use ETags).
        .headers(headers -> headers.disable())
        .addFilterBefore(
            new SignInThrottle(rateLimits, limits), UsernamePasswordAuthenticationFilter.class);
    return http.build();
  }

  /**
   * Body caps before every other filter, Spring Security's included: its CSRF check reads a form's
   * parameters, and with them the whole body.
   */
  @Bean
  FilterRegistrationBean<BodyLimits> bodyLimits() {
    FilterRegistrationBean<BodyLimits> registration =
        new FilterRegistrationBean<>(new BodyLimits());
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
    return registration;
  }

  /** Sessions in the database under one cookie: {@code __Host-SESSION}, Secure, HttpOnly, Lax. */
  @Bean
  CookieSerializer sessionCookie(AccountSettings settings) {
    DefaultCookieSerializer cookie = new DefaultCookieSerializer();
    cookie.setCookieName(settings.secureCookies() ? "__Host-SESSION" : "SESSION");
    cookie.setUseSecureCookie(settings.secureCookies());
    cookie.setUseHttpOnlyCookie(true);
    cookie.setSameSite("Lax");
    cookie.setCookiePath("/");
    cookie.setUseBase64Encoding(true);
    return cookie;
  }

  /**
   * Counts sign-in attempts per client address and per account before the password is looked at, so
   * 429s cost nothing; the owner on another address is only held back after many failures.
   */
  static final class SignInThrottle extends OncePerRequestFilter {
    private final RateLimits rateLimits;
    private final Limits limits;

    SignInThrottle(RateLimits rateLimits, Limits limits) {
      this.rateLimits = rateLimits;
      this.limits = limits;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
      return !("POST".equals(request.getMethod()) && "/login".equals(request.getRequestURI()));
    }

    @Override
    protected void doFilterInternal(
        HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException {
      try {
        rateLimits.take(limits.signInPerIp(), request.getRemoteAddr());
        String email = request.getParameter("email");
        if (email != null) {
          rateLimits.take(limits.signInPerAccount(), email.strip().toLowerCase(Locale.ROOT));
        }
      } catch (Refusal e) {
        // Status and Retry-After before the body: headers set after it may never leave.
        RefusalAnswers.status(response, e);
        plain(response, e.kind().status(), e.getMessage());
        return;
      }
      chain.doFilter(request, response);
    }
  }

  private static void plain(HttpServletResponse response, int status, String message)
      throws IOException {
    response.setStatus(status);
    response.setContentType("text/plain;charset=UTF-8");
    response.getOutputStream().write((message + "\n").getBytes(StandardCharsets.UTF_8));
  }
}
