package dev.paperboy.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The digest sign-up arrives with the email digests; until then the page says what is coming. */
@Controller
class SubscribePageController {
  @GetMapping("/subscribe")
  String subscribe() {
    return "subscribe";
  }
}
