package dev.paperboy.ingest;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param batchSize records stored per transaction by the snapshot importer
 * @param maxLineBytes a snapshot line longer than this is rejected without being held in memory
 * @param maxNesting JSON nesting deeper than this is rejected (a record nests three levels)
 * @param maxDecompressedBytes an import stops once a gzip or zip file has given this much: the
 *     whole of arXiv is about 5 GB of JSON, a decompression bomb far more
 */
@Validated
@ConfigurationProperties("paperboy.ingest")
public record IngestSettings(
    @Min(1) @Max(50_000) @DefaultValue("5000") int batchSize,
    @Min(1024) @DefaultValue("1048576") int maxLineBytes,
    @Min(4) @DefaultValue("32") int maxNesting,
    @Min(1024) @DefaultValue("34359738368") long maxDecompressedBytes) {}
