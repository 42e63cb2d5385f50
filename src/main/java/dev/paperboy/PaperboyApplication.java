package dev.paperboy;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The Spring Boot application; {@code dev.paperboy.cli.Main} is the entry point that starts it. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class PaperboyApplication {}
