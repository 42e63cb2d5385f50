package dev.paperboy.api;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.ShallowEtagHeaderFilter;

@Configuration(proxyBeanMethods = false)
class ApiConfiguration {
  /** ETags on API answers, so that pollers get 304 until the list changes. */
  @Bean
  FilterRegistrationBean<ShallowEtagHeaderFilter> apiEtags() {
    FilterRegistrationBean<ShallowEtagHeaderFilter> registration =
        new FilterRegistrationBean<>(new ShallowEtagHeaderFilter());
    registration.addUrlPatterns("/api/*");
    return registration;
  }
}
