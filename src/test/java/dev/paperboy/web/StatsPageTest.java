package dev.paperboy.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperboy.support.DemoLoads;
import dev.paperboy.support.Http;
import dev.paperboy.support.Site;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The stats page draws what the store holds. */
@Site
class StatsPageTest {
  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;

  @Test
  void chartsShowPapersPerDayAndTheTopCategories() {
    DemoLoads.awaitDone(jdbc);
    String top =
        jdbc.sql(
                """
            SELECT primary_category FROM papers GROUP BY primary_category
            ORDER BY count(*) DESC, primary_category LIMIT 1
            """)
            .query(String.class)
            .single();
    long topCount =
        jdbc.sql("SELECT count(*) FROM papers WHERE primary_category = :c")
            .param("c", top)
            .query(Long.class)
            .single();

    Document page = Jsoup.parse(Http.get(port, "/stats").body());

    assertThat(page.select("svg.chart")).hasSize(2);
    // 30 day columns, each with its count in a tooltip title.
    assertThat(page.select("svg.chart").get(0).select("rect.bar")).hasSize(30);
    assertThat(page.select("svg.chart").get(1).select("rect.bar title").first().text())
        .isEqualTo(top + ": " + String.format("%,d", topCount));
    assertThat(page.select("svg script")).isEmpty();
  }
}
