package dev.paperboy.web;

import dev.paperboy.account.SignedIn;
import dev.paperboy.collection.Collections;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Set;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Which papers the signed-in member keeps in their reading list, so that every card's save button
 * shows its state. Read once per request, and only by a page that draws a card: the interceptor
 * leaves a lazy lookup in the request for {@link Visitor#saved(String)}.
 */
@Configuration(proxyBeanMethods = false)
class ReadingListMarks implements WebMvcConfigurer {
  static final String ATTRIBUTE = ReadingListMarks.class.getName();

  private final Collections collections;

  ReadingListMarks(Collections collections) {
    this.collections = collections;
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    registry
        .addInterceptor(
            new HandlerInterceptor() {
              @Override
              public boolean preHandle(
                  HttpServletRequest request, HttpServletResponse response, Object handler) {
                Authentication auth = SecurityContextHolder.getContext().getAuthentication();
                if (auth != null && auth.getPrincipal() instanceof SignedIn member) {
                  request.setAttribute(
                      ATTRIBUTE, new Lookup(() -> collections.inReadingList(member.memberId())));
                }
                return true;
              }
            })
        .excludePathPatterns("/api/**", "/feeds/**", "/thumbnails/**");
  }

  /** The member's reading list, loaded on first use. */
  static final class Lookup {
    private final Supplier<Set<String>> load;
    private @Nullable Set<String> saved;

    Lookup(Supplier<Set<String>> load) {
      this.load = load;
    }

    boolean has(String paperId) {
      if (saved == null) {
        saved = load.get();
      }
      return saved.contains(paperId);
    }
  }
}
