package dev.paperboy.cli;

import picocli.CommandLine;

/** The jar's entry point: {@code java -jar paperboy.jar COMMAND}. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  static CommandLine commandLine() {
    CommandLine commandLine = new CommandLine(new PaperboyCommand());
    commandLine.setExecutionExceptionHandler(
        (e, cl, parseResult) -> {
          // Start-up refusals and bad input are explained in one line; a trace helps nobody.
          cl.getErr().println(cl.getColorScheme().errorText("paperboy: " + Failures.explain(e)));
          return 1;
        });
    return commandLine;
  }
}
