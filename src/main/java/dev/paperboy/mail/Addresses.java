package dev.paperboy.mail;

import dev.paperboy.rules.Refusal;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** Email addresses as Paperboy keeps them: trimmed, lower-cased, one plain address. */
public final class Addresses {
  private static final int MAX = 254;

  private Addresses() {}

  public static String normalize(@Nullable String email) {
    return email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
  }

  /**
   * The address in its kept form.
   *
   * @throws Refusal on the {@code email} field for anything but one plain address (no display name,
   *     no line breaks, at most 254 characters)
   */
  public static String check(@Nullable String email) {
    String address = normalize(email);
    if (address.isEmpty() || address.length() > MAX || address.indexOf('@') < 1) {
      throw invalid();
    }
    try {
      InternetAddress parsed = new InternetAddress(address, true);
      if (!address.equals(parsed.getAddress()) || parsed.getPersonal() != null) {
        throw invalid();
      }
    } catch (AddressException e) {
      throw invalid();
    }
    return address;
  }

  private static Refusal invalid() {
    return Refusal.field("email", "Enter an email address like name@example.org.");
  }

  /** The domain of an address or of a "Name <address>" sender, lower-cased. */
  public static String domain(String from) {
    try {
      String address = InternetAddress.parse(from, true)[0].getAddress();
      return address.substring(address.indexOf('@') + 1).toLowerCase(Locale.ROOT);
    } catch (AddressException e) {
      return "localhost";
    }
  }
}
