package dev.paperboy.author;

import static dev.paperboy.support.Community.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import dev.paperboy.account.Accounts;
import dev.paperboy.account.Role;
import dev.paperboy.paper.Papers;
import dev.paperboy.support.Community;
import dev.paperboy.support.TestPapers;
import dev.paperboy.support.WebClient;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Authorship claims through the pages on both engines: claim, approve, refuse, retract, the
 * "author" badge on the claimant's comments, the moderation log's rows, and what is refused (a name
 * not on the paper, a bad ORCID iD, a second claim, an author someone else is, a curator's own
 * claim, another member's retraction), each with nothing stored or changed.
 */
abstract class ClaimsContract {
  private static final AtomicInteger SEQUENCE = new AtomicInteger();

  @LocalServerPort int port;

  @Autowired Papers papers;

  @Autowired Accounts accounts;

  @Autowired JdbcClient jdbc;

  String paper(String... authors) {
    String id = String.format("2402.%05d", 80_000 + SEQUENCE.incrementAndGet());
    papers.upsertAll(
        List.of(
            TestPapers.aPaper(id).title("Claimed work " + id).authors(List.of(authors)).build()));
    return id;
  }

  WebClient member() {
    return Community.verifiedMember(port, "claimant" + SEQUENCE.incrementAndGet());
  }

  WebClient curator() {
    String name = "curator" + SEQUENCE.incrementAndGet();
    accounts.add(name + "@example.org", name, Role.CURATOR, PASSWORD);
    WebClient browser = new WebClient(port);
    Community.signIn(browser, name + "@example.org", PASSWORD);
    return browser;
  }

  HttpResponse<String> claim(WebClient member, String paper, String author, String orcid) {
    return member.submit(
        "/papers/" + paper,
        "/papers/" + paper + "/claim",
        Map.of("author", author, "orcid", orcid));
  }

  long claimId(String paper) {
    return jdbc.sql("SELECT max(id) FROM authorship_claims WHERE arxiv_id = ?")
        .param(paper)
        .query(Long.class)
        .single();
  }

  HttpResponse<String> decide(WebClient curator, long claim, String decision, String reason) {
    return curator.submit(
        "/curate", "/curate/claims/" + claim, Map.of("decision", decision, "reason", reason));
  }

  String state(long claim) {
    return jdbc.sql("SELECT state FROM authorship_claims WHERE id = ?")
        .param(claim)
        .query(String.class)
        .single();
  }

  int logRows(String action, long claim) {
    return jdbc.sql("SELECT count(*) FROM moderation_log WHERE action = ? AND target LIKE ?")
        .param(action)
        .param("claim " + claim + ":%")
        .query(Integer.class)
        .single();
  }

  @Test
  void anApprovedClaimShowsOnThePaperTheProfileAndTheCommentsUntilRetracted() {
    String paper = paper("Ada Lovelace", "Charles Babbage");
    WebClient ada = member();
    String username =
        Jsoup.parse(ada.get("/").body()).select("nav.account a[href^=/members/]").text();
    assertThat(
            claim(ada, paper, "Ada Lovelace", "https://orcid.org/0000-0002-1825-0097").statusCode())
        .isEqualTo(302);
    long claim = claimId(paper);
    assertThat(state(claim)).isEqualTo("PENDING");
    assertThat(Jsoup.parse(ada.get("/papers/" + paper).body()).select(".claim-state").text())
        .contains("waits for a curator");

    WebClient curator = curator();
    Document queue = Jsoup.parse(curator.get("/curate").body());
    assertThat(queue.select(".claim").text())
        .contains(
            username, "Ada Lovelace", "Confirmed address at example.org", "0000-0002-1825-0097");
    assertThat(decide(curator, claim, "approve", "").statusCode()).isEqualTo(302);
    assertThat(state(claim)).isEqualTo("APPROVED");
    assertThat(logRows("approve claim", claim)).isOne();

    ada.submit(
        "/papers/" + paper, "/comments", Map.of("paper", paper, "body", "We released the code."));
    Document page = Jsoup.parse(new WebClient(port).get("/papers/" + paper).body());
    assertThat(page.select(".claimed").text()).contains(username + " (Ada Lovelace)");
    assertThat(page.select(".comment .meta").text()).contains(username + " author");
    assertThat(
            Jsoup.parse(new WebClient(port).get("/members/" + username).body())
                .select("h2 + .card h3, h2 ~ .card h3")
                .eachText())
        .anyMatch(t -> t.contains(paper));

    HttpResponse<String> retracted =
        ada.submit("/papers/" + paper, "/claims/" + claim + "/retract", Map.of());
    assertThat(retracted.statusCode()).isEqualTo(302);
    assertThat(state(claim)).isEqualTo("RETRACTED");
    Document after = Jsoup.parse(new WebClient(port).get("/papers/" + paper).body());
    assertThat(after.select(".claimed")).isEmpty();
    assertThat(after.select(".author-badge")).isEmpty();
  }

  @Test
  void aRefusalNeedsAReasonAndIsLogged() {
    String paper = paper("Grace Hopper");
    WebClient member = member();
    claim(member, paper, "grace hopper", "");
    long claim = claimId(paper);
    WebClient curator = curator();
    assertThat(decide(curator, claim, "refuse", " ").statusCode()).isEqualTo(400);
    assertThat(state(claim)).isEqualTo("PENDING");
    assertThat(logRows("refuse claim", claim)).isZero();
    assertThat(decide(curator, claim, "refuse", "no evidence").statusCode()).isEqualTo(302);
    assertThat(state(claim)).isEqualTo("REFUSED");
    assertThat(logRows("refuse claim", claim)).isOne();
    assertThat(new WebClient(port).get("/moderation").body())
        .contains("refuse claim", "no evidence");
    // Refused, the member may try again with better evidence.
    assertThat(claim(member, paper, "Grace Hopper", "").statusCode()).isEqualTo(302);
  }

  @Test
  void aCuratorCannotApproveTheirOwnClaim() {
    String paper = paper("Barbara Liskov");
    WebClient curator = curator();
    assertThat(claim(curator, paper, "Barbara Liskov", "").statusCode()).isEqualTo(302);
    long claim = claimId(paper);
    assertThat(decide(curator, claim, "approve", "").statusCode()).isEqualTo(403);
    assertThat(state(claim)).isEqualTo("PENDING");
    assertThat(logRows("approve claim", claim)).isZero();
  }

  @Test
  void badClaimsAreRefusedWithAReasonAndStoreNothing() {
    String paper = paper("Edsger Dijkstra", "Tony Hoare");
    WebClient member = member();
    int before = jdbc.sql("SELECT count(*) FROM authorship_claims").query(Integer.class).single();

    HttpResponse<String> notAnAuthor = claim(member, paper, "Alan Kay", "");
    assertThat(notAnAuthor.statusCode()).isEqualTo(400);
    assertThat(Jsoup.parse(notAnAuthor.body()).text())
        .contains("Choose one of the paper's authors.");
    HttpResponse<String> badOrcid = claim(member, paper, "Edsger Dijkstra", "0000-0002-1825-0098");
    assertThat(badOrcid.statusCode()).isEqualTo(400);
    assertThat(badOrcid.body()).contains("check digit is wrong");
    assertThat(claim(member, paper, "Edsger Dijkstra", "not an orcid").statusCode()).isEqualTo(400);
    assertThat(jdbc.sql("SELECT count(*) FROM authorship_claims").query(Integer.class).single())
        .isEqualTo(before);

    assertThat(claim(member, paper, "Edsger Dijkstra", "").statusCode()).isEqualTo(302);
    long claim = claimId(paper);
    assertThat(claim(member, paper, "Tony Hoare", "").statusCode()).isEqualTo(400);
    decide(curator(), claim, "approve", "");

    // Someone else cannot be an author already claimed, nor retract another's claim.
    WebClient other = member();
    HttpResponse<String> impostor = claim(other, paper, "Edsger Dijkstra", "");
    assertThat(impostor.statusCode()).isEqualTo(400);
    assertThat(
            other
                .submit("/papers/" + paper, "/claims/" + claim + "/retract", Map.of())
                .statusCode())
        .isEqualTo(404);
    assertThat(state(claim)).isEqualTo("APPROVED");

    // A member who has not confirmed their address cannot claim.
    String name = "unconfirmed" + SEQUENCE.incrementAndGet();
    WebClient unconfirmed = new WebClient(port);
    unconfirmed.submit(
        "/signup",
        "/signup",
        Map.of("email", name + "@example.org", "username", name, "password", PASSWORD));
    Community.signIn(unconfirmed, name + "@example.org", PASSWORD);
    assertThat(claim(unconfirmed, paper, "Tony Hoare", "").statusCode()).isEqualTo(403);
    assertThat(
            jdbc.sql("SELECT count(*) FROM authorship_claims WHERE arxiv_id = ?")
                .param(paper)
                .query(Integer.class)
                .single())
        .isOne();
  }

  @Test
  void anApprovedAuthorAddsALinkThatACuratorCanRemove() {
    String paper = paper("Leslie Lamport");
    WebClient author = member();
    claim(author, paper, "Leslie Lamport", "");
    WebClient curator = curator();
    decide(curator, claimId(paper), "approve", "");
    int before = jdbc.sql("SELECT count(*) FROM member_links").query(Integer.class).single();

    // Only known hosts' http(s) addresses; nothing is stored for the others.
    for (String refused :
        List.of(
            "javascript:alert(document.cookie)",
            "https://evil.example/lamport/tla",
            "github.com/lamport/tla",
            "https://github.com/lamport/tla and more")) {
      HttpResponse<String> answer =
          author.submit("/papers/" + paper, "/papers/" + paper + "/links", Map.of("url", refused));
      assertThat(answer.statusCode()).as(refused).isEqualTo(400);
      assertThat(Jsoup.parse(answer.body()).text()).contains("Paperboy links to code on GitHub");
    }
    assertThat(jdbc.sql("SELECT count(*) FROM member_links").query(Integer.class).single())
        .isEqualTo(before);
    // A member without standing may not add one.
    assertThat(
            member()
                .submit(
                    "/papers/" + paper,
                    "/papers/" + paper + "/links",
                    Map.of("url", "https://github.com/someone/else"))
                .statusCode())
        .isEqualTo(403);

    HttpResponse<String> added =
        author.submit(
            "/papers/" + paper,
            "/papers/" + paper + "/links",
            Map.of("url", "https://github.com/lamport/tla/tree/main"));
    assertThat(added.statusCode()).isEqualTo(302);
    Document page = Jsoup.parse(new WebClient(port).get("/papers/" + paper).body());
    assertThat(page.select(".artifacts a[href=https://github.com/lamport/tla]")).hasSize(1);
    assertThat(page.select(".artifacts").text()).contains("added by");
    assertThat(new WebClient(port).get("/api/papers/" + paper, "Accept", "application/json").body())
        .contains("\"githubRepo\":\"https://github.com/lamport/tla\"");
    assertThat(
            author
                .submit(
                    "/papers/" + paper,
                    "/papers/" + paper + "/links",
                    Map.of("url", "https://github.com/Lamport/TLA"))
                .statusCode())
        .as("the same repository again")
        .isEqualTo(400);
    long link =
        jdbc.sql("SELECT max(id) FROM member_links WHERE arxiv_id = ?")
            .param(paper)
            .query(Long.class)
            .single();
    assertThat(
            jdbc.sql(
                    "SELECT count(*) FROM moderation_log WHERE action = 'add link' AND target LIKE ?")
                .param("%" + paper)
                .query(Integer.class)
                .single())
        .isOne();

    // A curator removes it with a reason, which the log keeps.
    assertThat(
            curator.submit("/papers/" + paper, "/links/" + link + "/remove", Map.of()).statusCode())
        .isEqualTo(400);
    assertThat(
            curator
                .submit(
                    "/papers/" + paper,
                    "/links/" + link + "/remove",
                    Map.of("reason", "not the paper's code"))
                .statusCode())
        .isEqualTo(302);
    assertThat(
            Jsoup.parse(new WebClient(port).get("/papers/" + paper).body())
                .select(".artifacts a[href=https://github.com/lamport/tla]"))
        .isEmpty();
    assertThat(new WebClient(port).get("/moderation").body())
        .contains("remove link", "not the paper");
  }
}
