package dev.paperboy.digest;

import dev.paperboy.account.AccountSettings;
import dev.paperboy.account.Accounts;
import dev.paperboy.curation.DailyEntry;
import dev.paperboy.paper.ArxivId;
import dev.paperboy.paper.Paper;
import dev.paperboy.paper.Papers;
import dev.paperboy.ranking.ListPeriod;
import dev.paperboy.ranking.Rankings;
import dev.paperboy.recommend.ForYou;
import dev.paperboy.search.PaperSearch;
import dev.paperboy.search.Recommendation;
import dev.paperboy.search.SearchHit;
import dev.paperboy.search.SearchQuery;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Puts a subscriber's digest together: the edition's top trending papers, then the period's papers
 * matching their categories and keywords, then (for members) their recommendations; never a paper
 * an earlier digest sent them, and no paper twice.
 */
@Component
class DigestComposer {
  /** Period entries looked through for matches; a week's list holds far fewer. */
  private static final int PERIOD_ENTRIES = 1_000;

  private static final int SUMMARY_MAX = 420;
  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("MMMM d, uuuu", Locale.ENGLISH);

  private final JdbcOutbox outbox;
  private final Papers papers;
  private final Rankings rankings;
  private final PaperSearch search;
  private final ForYou forYou;
  private final Accounts accounts;
  private final DigestSettings settings;
  private final AccountSettings site;

  DigestComposer(
      JdbcOutbox outbox,
      Papers papers,
      Rankings rankings,
      PaperSearch search,
      ForYou forYou,
      Accounts accounts,
      DigestSettings settings,
      AccountSettings site) {
    this.outbox = outbox;
    this.papers = papers;
    this.rankings = rankings;
    this.search = search;
    this.forYou = forYou;
    this.accounts = accounts;
    this.settings = settings;
    this.site = site;
  }

  Digest compose(Edition edition, Subscription subscription) {
    Set<String> seen = outbox.sentBefore(subscription.id(), edition.id());
    ListPeriod period =
        new ListPeriod(
            edition.cadence() == Cadence.DAILY ? ListPeriod.Kind.DAY : ListPeriod.Kind.WEEK,
            edition.firstDay(),
            edition.lastDay(),
            edition.period());
    List<DailyEntry> entries =
        rankings.period(period, null, Rankings.Order.TRENDING, 0, PERIOD_ENTRIES);
    Map<String, DailyEntry> listed = new LinkedHashMap<>();
    entries.forEach(e -> listed.put(e.paper().id().base(), e));

    List<Digest.Section> sections = new ArrayList<>();
    List<ArxivId> topIds =
        edition.papers().stream()
            .filter(id -> !seen.contains(id.base()))
            .limit(settings.top())
            .toList();
    Map<String, Paper> top = papers.findAll(topIds);
    List<Digest.Item> topItems = new ArrayList<>();
    for (ArxivId id : topIds) {
      Paper paper = top.get(id.base());
      if (paper != null && seen.add(id.base())) {
        topItems.add(item(paper, upvotes(listed, id), ""));
      }
    }
    sections.add(new Digest.Section(topHeading(edition), topItems));

    if (!subscription.categories().isEmpty() || !subscription.keywords().isEmpty()) {
      sections.add(
          new Digest.Section(
              "Matching what you follow", matches(subscription, period, entries, listed, seen)));
    }
    if (subscription.memberId() != null && settings.recommended() > 0) {
      sections.add(
          new Digest.Section("Recommended for you", recommended(subscription, listed, seen)));
    }
    sections.removeIf(s -> s.items().isEmpty());
    return new Digest(
        edition,
        heading(edition),
        sections,
        site.site() + "/subscription/" + subscription.manageKey(),
        site.site() + "/u/" + subscription.manageKey(),
        site.site() + "/digest/" + edition.id() + "/" + subscription.manageKey());
  }

  private List<Digest.Item> matches(
      Subscription subscription,
      ListPeriod period,
      List<DailyEntry> entries,
      Map<String, DailyEntry> listed,
      Set<String> seen) {
    List<Digest.Item> items = new ArrayList<>();
    // First the period's listed papers (the community picked them), then arXiv's new ones.
    for (DailyEntry entry : entries) {
      String why = why(subscription, entry.paper());
      if (why != null && items.size() < settings.matches() && seen.add(entry.paper().id().base())) {
        items.add(item(entry.paper(), entry.upvotes(), why));
      }
    }
    List<String> queries = new ArrayList<>();
    subscription.keywords().forEach(k -> queries.add("\"" + k.replace("\"", "") + "\""));
    if (queries.isEmpty()) {
      subscription.categories().forEach(c -> queries.add("cat:" + c));
    }
    for (String text : queries) {
      if (items.size() >= settings.matches()) {
        break;
      }
      List<SearchHit> hits =
          search
              .search(
                  new SearchQuery(
                      text,
                      period.first(),
                      period.last(),
                      SearchQuery.Sort.NEWEST,
                      0,
                      settings.matches() * 3))
              .hits();
      Map<String, Paper> found = papers.findAll(hits.stream().map(SearchHit::id).toList());
      for (SearchHit hit : hits) {
        Paper paper = found.get(hit.id().base());
        String why = paper == null ? null : why(subscription, paper);
        if (why != null && items.size() < settings.matches() && seen.add(hit.id().base())) {
          items.add(item(paper, upvotes(listed, hit.id()), why));
        }
      }
    }
    return items;
  }

  private List<Digest.Item> recommended(
      Subscription subscription, Map<String, DailyEntry> listed, Set<String> seen) {
    List<Digest.Item> items = new ArrayList<>();
    accounts
        .byId(subscription.memberId())
        .filter(account -> !account.banned())
        .ifPresent(
            account -> {
              List<Recommendation> recommendations =
                  forYou.recommend(account, settings.recommended() * 3);
              Map<String, Paper> found =
                  papers.findAll(recommendations.stream().map(r -> r.hit().id()).toList());
              for (Recommendation r : recommendations) {
                Paper paper = found.get(r.hit().id().base());
                if (paper != null
                    && items.size() < settings.recommended()
                    && seen.add(paper.id().base())) {
                  items.add(item(paper, upvotes(listed, paper.id()), r.reason()));
                }
              }
            });
    return items;
  }

  /** Why the paper matches the subscriber's categories and keywords, or null if it does not. */
  static @Nullable String why(Subscription subscription, Paper paper) {
    String category =
        subscription.categories().isEmpty()
            ? ""
            : paper.categories().stream()
                .filter(subscription.categories()::contains)
                .findFirst()
                .orElse(null);
    if (category == null) {
      return null;
    }
    String keyword = "";
    if (!subscription.keywords().isEmpty()) {
      String text = (paper.title() + " " + paper.abstractText()).toLowerCase(Locale.ROOT);
      keyword = subscription.keywords().stream().filter(text::contains).findFirst().orElse(null);
      if (keyword == null) {
        return null;
      }
    }
    if (category.isEmpty()) {
      return "mentions \u201c" + keyword + "\u201d";
    }
    return keyword.isEmpty()
        ? "in " + category
        : "in " + category + ", mentions \u201c" + keyword + "\u201d";
  }

  private Digest.Item item(Paper paper, int upvotes, String reason) {
    return new Digest.Item(
        paper.id(),
        oneLine(paper.title()),
        authors(paper.authors()),
        summary(paper.abstractText()),
        upvotes,
        site.site() + "/papers/" + paper.id().base(),
        reason);
  }

  private static int upvotes(Map<String, DailyEntry> listed, ArxivId id) {
    DailyEntry entry = listed.get(id.base());
    return entry == null ? 0 : entry.upvotes();
  }

  static String heading(Edition edition) {
    return edition.cadence() == Cadence.DAILY
        ? "Trending papers of " + DAY.format(edition.firstDay())
        : "Trending papers of the week of " + DAY.format(edition.firstDay());
  }

  private static String topHeading(Edition edition) {
    return edition.cadence() == Cadence.DAILY ? "Top papers of the day" : "Top papers of the week";
  }

  static String oneLine(String text) {
    return text.replaceAll("\\s+", " ").strip();
  }

  static String authors(List<String> authors) {
    if (authors.size() <= 5) {
      return String.join(", ", authors);
    }
    return String.join(", ", authors.subList(0, 4)) + " and " + (authors.size() - 4) + " more";
  }

  /** The abstract's first paragraph, cut at a sentence or word near {@value #SUMMARY_MAX} chars. */
  static String summary(String abstractText) {
    String first = abstractText.strip().split("\\n\\s*\\n", 2)[0];
    String text = oneLine(first);
    if (text.length() <= SUMMARY_MAX) {
      return text;
    }
    String cut = text.substring(0, SUMMARY_MAX);
    int sentence = cut.lastIndexOf(". ");
    if (sentence > SUMMARY_MAX / 2) {
      return cut.substring(0, sentence + 1);
    }
    int space = cut.lastIndexOf(' ');
    return (space > 0 ? cut.substring(0, space) : cut) + "\u2026";
  }
}
