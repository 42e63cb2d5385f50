package dev.paperboy.mail;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param from the sender address of every mail
 * @param siteName the name mails sign with
 * @param dkimSelector the DKIM selector the relay signs with, for the sender domain check
 */
@ConfigurationProperties("paperboy.mail")
public record MailSettings(
    @DefaultValue("Paperboy <paperboy@localhost>") String from,
    @DefaultValue("Paperboy") String siteName,
    @DefaultValue("paperboy") String dkimSelector) {}
