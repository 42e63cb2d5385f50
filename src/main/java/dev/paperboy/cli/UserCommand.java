package dev.paperboy.cli;

import dev.paperboy.account.Account;
import dev.paperboy.account.Accounts;
import dev.paperboy.account.Role;
import dev.paperboy.rules.Refusal;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
    name = "user",
    mixinStandardHelpOptions = true,
    description = "Manage members from the command line.",
    subcommands = {UserCommand.Add.class, UserCommand.SetRole.class})
class UserCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  @Command(
      name = "add",
      mixinStandardHelpOptions = true,
      description =
          "Create a member whose email counts as confirmed: the way to make the first admin. Without"
              + " --password-stdin a strong password is generated and printed once.")
  static class Add implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Mixin StoreOptions store;

    @Parameters(index = "0", paramLabel = "EMAIL", description = "The member's sign-in address.")
    String email;

    @Option(
        names = "--username",
        description = "Public name (default: the part of the address before @).")
    String username;

    @Option(
        names = "--role",
        defaultValue = "member",
        description = "member, curator or admin (default: ${DEFAULT-VALUE}).")
    String role;

    @Option(names = "--password-stdin", description = "Read the password from standard input.")
    boolean passwordStdin;

    @Override
    public Integer call() throws IOException {
      Role chosen = role(role);
      String name = username != null ? username : defaultUsername(email);
      String password = passwordStdin ? readPassword() : generated();
      try (ConfigurableApplicationContext context = Contexts.oneShot(store.dataDir)) {
        Account account = context.getBean(Accounts.class).add(email, name, chosen, password);
        spec.commandLine()
            .getOut()
            .printf(
                "user: %s (%s) is a%s %s%n",
                account.username(),
                account.email(),
                chosen == Role.ADMIN ? "n" : "",
                chosen.name().toLowerCase(Locale.ROOT));
        if (!passwordStdin) {
          spec.commandLine()
              .getOut()
              .printf("user: password (shown once, change it at /account): %s%n", password);
        }
        return 0;
      } catch (Refusal e) {
        throw new IllegalArgumentException(e.getMessage());
      }
    }
  }

  @Command(name = "role", mixinStandardHelpOptions = true, description = "Change a member's role.")
  static class SetRole implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Mixin StoreOptions store;

    @Parameters(index = "0", paramLabel = "EMAIL")
    String email;

    @Parameters(index = "1", paramLabel = "ROLE", description = "member, curator or admin")
    String role;

    @Override
    public Integer call() {
      Role chosen = role(role);
      try (ConfigurableApplicationContext context = Contexts.oneShot(store.dataDir)) {
        Accounts accounts = context.getBean(Accounts.class);
        Account account =
            accounts
                .byEmail(email)
                .orElseThrow(
                    () -> new IllegalArgumentException("no member has the address " + email));
        accounts.setRole(account.id(), chosen);
        spec.commandLine()
            .getOut()
            .printf(
                "user: %s is now %s%n", account.username(), chosen.name().toLowerCase(Locale.ROOT));
        return 0;
      }
    }
  }

  static Role role(String text) {
    try {
      return Role.valueOf(text.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "unknown role '" + text + "': use member, curator or admin");
    }
  }

  private static String defaultUsername(String email) {
    int at = email.indexOf('@');
    String local = (at > 0 ? email.substring(0, at) : email).replaceAll("[^A-Za-z0-9_-]", "");
    return local.length() >= 3 ? local : local + "-member";
  }

  private static String readPassword() throws IOException {
    BufferedReader in =
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    String line = in.readLine();
    if (line == null || line.isEmpty()) {
      throw new IllegalArgumentException("no password on standard input");
    }
    return line;
  }

  private static String generated() {
    byte[] bytes = new byte[18];
    new SecureRandom().nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
