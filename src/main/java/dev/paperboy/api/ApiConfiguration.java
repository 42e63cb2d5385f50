package dev.paperboy.api;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.ConfigurableBeanFactory;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Scope;
import org.springframework.web.filter.ShallowEtagHeaderFilter;
import org.springframework.web.servlet.config.annotation.CorsRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.json.JsonMapper;

@Configuration(proxyBeanMethods = false)
class ApiConfiguration implements WebMvcConfigurer {
  /**
   * The API is public data: any site may read it from a browser, with GET only and without
   * credentials, so no cookie of a signed-in member ever rides along.
   */
  @Override
  public void addCorsMappings(CorsRegistry registry) {
    registry
        .addMapping("/api/**")
        .allowedOrigins("*")
        .allowedMethods("GET", "HEAD")
        .allowCredentials(false)
        .maxAge(3600);
    registry
        .addMapping("/feeds/**")
        .allowedOrigins("*")
        .allowedMethods("GET", "HEAD")
        .allowCredentials(false)
        .maxAge(3600);
  }

  /** How deep a JSON body may nest (API-1); Jackson's own default of 500 is for trusted input. */
  static final int MAX_JSON_NESTING = 32;

  /**
   * The JSON mapper's builder, as Spring Boot makes it but on a factory that refuses deep nesting
   * while it streams: Jackson 3 takes read constraints only from the factory it is built on, and
   * Boot's builder offers no factory to customise.
   */
  @Bean
  @Scope(ConfigurableBeanFactory.SCOPE_PROTOTYPE)
  JsonMapper.Builder jsonMapperBuilder(ObjectProvider<JsonMapperBuilderCustomizer> customizers) {
    JsonFactory factory =
        JsonFactory.builder()
            .streamReadConstraints(
                StreamReadConstraints.builder().maxNestingDepth(MAX_JSON_NESTING).build())
            .build();
    JsonMapper.Builder builder = JsonMapper.builder(factory);
    customizers.orderedStream().forEach(customizer -> customizer.customize(builder));
    return builder;
  }

  @Bean
  OpenAPI paperboyOpenApi() {
    return new OpenAPI()
        .info(
            new Info()
                .title("Paperboy API")
                .version("1")
                .description(
                    "Trending research papers. Shaped like the Hugging Face daily papers API: its"
                        + " clients work unchanged. Errors are application/problem+json."));
  }

  /**
   * ETags on API answers, so that pollers get 304 until the list changes. Weak ones: Tomcat does
   * not compress an answer with a strong ETag (the bytes on the wire would differ from what the tag
   * names), and JSON lists compress about five to one.
   */
  @Bean
  FilterRegistrationBean<ShallowEtagHeaderFilter> apiEtags() {
    ShallowEtagHeaderFilter etags = new ShallowEtagHeaderFilter();
    etags.setWriteWeakETag(true);
    FilterRegistrationBean<ShallowEtagHeaderFilter> registration =
        new FilterRegistrationBean<>(etags);
    registration.addUrlPatterns("/api/*");
    return registration;
  }
}
