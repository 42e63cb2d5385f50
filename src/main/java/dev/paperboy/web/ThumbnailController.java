package dev.paperboy.web;

import dev.paperboy.paper.ArxivId;
import dev.paperboy.thumbnail.Thumbnails;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /thumbnails/{id}.png}: a listed paper's first page. A thumbnail does not change once made,
 * so browsers keep it a month; until there is one (or when its PDF gave none) the answer is a
 * placeholder that browsers keep only minutes, so that the image shows once it is made.
 */
@RestController
class ThumbnailController {
  private static final Resource PLACEHOLDER = new ClassPathResource("static/img/thumbnail.svg");

  private final Thumbnails thumbnails;

  ThumbnailController(Thumbnails thumbnails) {
    this.thumbnails = thumbnails;
  }

  @GetMapping("/thumbnails/{id:\\d{4}\\.\\d{4,5}}.png")
  ResponseEntity<Resource> thumbnail(@PathVariable String id) {
    return answer(id);
  }

  /** Old-style ids contain a slash: {@code /thumbnails/hep-th/9901001.png}. */
  @GetMapping("/thumbnails/{archive:[a-z]+(?:-[a-z]+)?}/{number:\\d{7}}.png")
  ResponseEntity<Resource> oldStyle(@PathVariable String archive, @PathVariable String number) {
    return answer(archive + "/" + number);
  }

  private ResponseEntity<Resource> answer(String text) {
    Optional<Path> image = ArxivId.tryParse(text).flatMap(thumbnails::image);
    if (image.isPresent()) {
      return ResponseEntity.ok()
          .contentType(MediaType.IMAGE_PNG)
          .cacheControl(CacheControl.maxAge(Duration.ofDays(30)).cachePublic())
          .body(new FileSystemResource(image.get()));
    }
    return ResponseEntity.ok()
        .contentType(MediaType.valueOf("image/svg+xml"))
        .cacheControl(CacheControl.maxAge(Duration.ofMinutes(5)).cachePublic())
        .body(PLACEHOLDER);
  }
}
