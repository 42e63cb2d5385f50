package dev.paperboy.web;

import dev.paperboy.account.AccountSettings;
import dev.paperboy.account.ApiTokens;
import dev.paperboy.rules.Limits;
import dev.paperboy.rules.RateLimits;
import javax.sql.DataSource;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.rememberme.JdbcTokenRepositoryImpl;
import org.springframework.security.web.authentication.rememberme.PersistentTokenBasedRememberMeServices;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.session.web.http.CookieSerializer;
import org.springframework.session.web.http.DefaultCookieSerializer;

/**
 * Sign-in, sessions and forms (docs/reliability.md AUTH-3, AUTH-6): form sign-in by email, sessions
 * in the database (Spring Session JDBC, so any node serves any member) under a {@code __Host-}
 * cookie, remember-me tokens in the database, CSRF tokens on every state-changing request, sign-in
 * attempts throttled per address and per account before any password is hashed.
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
      Limits limits,
      ApiTokens tokens)
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
    SignInThrottle throttle = new SignInThrottle(rateLimits, limits);
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
                        (request, response, e) -> {
                          throttle.failed(request);
                          response.sendRedirect("/login?error");
                        }))
        .rememberMe(remember -> remember.rememberMeServices(rememberMe).key("paperboy-remember-me"))
        // Mail clients POST the one-click unsubscribe without cookies (RFC 8058); digest sign-up
        // through the API never acts on a session, the bounce webhook has its own secret, and
        // recommendations from a library read the list they are sent and nothing else; a personal
        // API token is checked before this (a request that reaches here with one acts for it).
        .csrf(
            csrf ->
                csrf.ignoringRequestMatchers(
                    PathPatternRequestMatcher.pathPattern(HttpMethod.POST, "/u/*"),
                    PathPatternRequestMatcher.pathPattern(HttpMethod.POST, "/api/subscriptions"),
                    PathPatternRequestMatcher.pathPattern(HttpMethod.POST, "/api/mail/bounces"),
                    PathPatternRequestMatcher.pathPattern(HttpMethod.POST, "/api/recommendations"),
                    ApiTokenFilter::presentsToken))
        .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/"))
        .exceptionHandling(errors -> errors.authenticationEntryPoint(new SignInFirst()))
        // The SecurityHeaders filter writes the headers (one policy for every response), and
        // responses keep their own caching rules (feeds and the API use ETags).
        .headers(headers -> headers.disable())
        .addFilterBefore(throttle, UsernamePasswordAuthenticationFilter.class)
        .addFilterBefore(new ApiTokenFilter(tokens), CsrfFilter.class);
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
}
