package dev.paperboy.embedding;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The semantic vectors job.
 *
 * @param enabled whether {@code serve} computes vectors in the background; search without them is
 *     lexical only
 * @param batch papers embedded and committed together
 * @param interval how often the job looks for papers without a vector
 * @param settle the job takes only changes at least this old, as the search index does: a paper
 *     written in a transaction that committed late is still ahead of its position
 */
@Validated
@ConfigurationProperties("paperboy.vectors")
public record VectorSettings(
    @DefaultValue("true") boolean enabled,
    @Min(1) @Max(512) @DefaultValue("32") int batch,
    @NotNull @DefaultValue("PT10S") Duration interval,
    @NotNull @DefaultValue("PT5S") Duration settle) {

  /** The model, shown by {@code paperboy config}. */
  public String model() {
    return Embedder.MODEL;
  }
}
