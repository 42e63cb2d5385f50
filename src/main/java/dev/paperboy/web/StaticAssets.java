package dev.paperboy.web;

import java.time.Duration;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * How browsers may keep the static files. KaTeX lives under a path named after its version, so a
 * browser keeps it for a year without asking again; an upgrade is a new path. Paperboy's own
 * stylesheet, script and images change with any release under the same names, so the browser
 * revalidates them (a 304 against their Last-Modified) and keeps them only a little while.
 */
@Configuration
class StaticAssets implements WebMvcConfigurer {
  @Override
  public void addResourceHandlers(ResourceHandlerRegistry registry) {
    registry
        .addResourceHandler("/katex/**")
        .addResourceLocations("classpath:/static/katex/")
        .setCacheControl(CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable());
    for (String folder : new String[] {"css", "js", "img"}) {
      registry
          .addResourceHandler("/" + folder + "/**")
          .addResourceLocations("classpath:/static/" + folder + "/")
          .setCacheControl(CacheControl.maxAge(Duration.ofMinutes(10)).cachePublic());
    }
  }
}
