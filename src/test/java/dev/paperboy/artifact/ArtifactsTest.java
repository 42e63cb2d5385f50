package dev.paperboy.artifact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paperboy.artifact.Artifact.Kind;
import dev.paperboy.paper.Paper;
import dev.paperboy.support.SnapshotPapers;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Links found in real arXiv abstracts and comments ({@code arxiv-snapshot/code-links.jsonl}, lines
 * verbatim from the 100k corpus): each paper yields exactly the links named here, and papers with
 * e-mail addresses, DOIs or "code on GitHub" without an address yield none.
 */
class ArtifactsTest {
  private static final Map<String, Paper> PAPERS = new LinkedHashMap<>();

  @BeforeAll
  static void readThePapers() {
    for (Paper paper : SnapshotPapers.read("/arxiv-snapshot/code-links.jsonl")) {
      PAPERS.put(paper.id().base(), paper);
    }
  }

  private static List<String> links(String id) {
    return Artifacts.of(PAPERS.get(id)).links().stream()
        .map(link -> link.kind() + " " + link.url())
        .toList();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          1608.08021 | CODE https://github.com/sanghoon/pva-faster-rcnn
          1605.04920 | CODE https://github.com/jeffzhen/gsm2016
          1610.06358 | CODE https://github.com/wschreyer/PENTrack
          1611.01799 | CODE https://github.com/Shuangfei/vgan
          1608.03665 | CODE https://github.com/wenwei202/caffe
          1612.01939 | CODE https://github.com/VisionLearningGroup/CORAL
          1701.01480 | CODE https://github.com/yiling-chen/flickr-cropping-dataset
          1611.06874 | CODE https://github.com/mfasiolo/LIMIS
          1610.05400 | CODE https://github.com/echi/IMS
          1411.2066  | CODE https://bitbucket.org/szzoli/ite
          1606.05385 | CODE https://gitlab.mpcdf.mpg.de/ift/D2O
          1501.02990 | CODE https://sourceforge.net/projects/rbr
          1612.04345 | CODE https://gist.github.com/dmirman/05a92e0e9e0027f6fe6e528c648143d7
          1610.01044 | PROJECT_PAGE https://przchojecki.github.io/deepalgebra/
          1609.09475 | PROJECT_PAGE http://www.andyzeng.com/apc2016
          """)
  void aPaperLinksItsOneArtifact(String id, String link) {
    assertThat(links(id)).containsExactly(link);
  }

  @Test
  void severalLinksComeEachOnceCodeFirst() {
    // \href{url}{url} names the repository twice; the second repository is a bare https link.
    assertThat(links("1506.05957"))
        .containsExactly(
            "CODE https://github.com/barbagroup/fmm-bem-relaxed",
            "CODE https://github.com/barbagroup/inexact-gmres");
    assertThat(links("1603.08519"))
        .containsExactly(
            "CODE https://gitlab.com/congma/libsncompress",
            "CODE https://gitlab.com/congma/sn-bayesian-model-example");
    // The organisation's page is left out where its repositories are named.
    assertThat(links("1611.08586"))
        .containsExactly(
            "CODE https://github.com/ICRAR/ProFit", "CODE https://github.com/ICRAR/pyprofit");
    assertThat(links("1611.04743"))
        .containsExactly(
            "CODE https://github.com/opencobra/COBRA.jl",
            "PROJECT_PAGE http://opencobra.github.io/COBRA.jl");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "1408.4542, an R call install_github(\"DepthProc\")",
    "1609.05993, https://github. broken across a line",
    "1610.00324, a footnote that says 'github release … coming soon'",
    "1609.09595, an e-mail address",
    "1605.09017, e-mail addresses in brackets",
    "1209.5654, a DOI and a journal's address"
  })
  void noLinkWhereThereIsNone(String id, String what) {
    assertThat(links(id)).as(what).isEmpty();
  }

  @Test
  void huggingFaceGithubRepoAndProjectPageAreTheFirstOfTheirKind() {
    Artifacts cobra = Artifacts.of(PAPERS.get("1611.04743"));
    assertThat(cobra.githubRepo()).isEqualTo("https://github.com/opencobra/COBRA.jl");
    assertThat(cobra.projectPage()).isEqualTo("http://opencobra.github.io/COBRA.jl");
    assertThat(cobra.hasCode()).isTrue();

    Artifacts gitlab = Artifacts.of(PAPERS.get("1603.08519"));
    assertThat(gitlab.githubRepo()).as("GitLab is code but not githubRepo").isNull();
    assertThat(gitlab.hasCode()).isTrue();

    Artifacts page = Artifacts.of(PAPERS.get("1610.01044"));
    assertThat(page.hasCode()).isFalse();
    assertThat(page.githubRepo()).isNull();
  }

  @Test
  void aGithubUserPageIsCodeButNotARepository() {
    Artifacts user = LinkFinder.find("solutions can be found in github.com/a-granados.");
    assertThat(user.links())
        .containsExactly(
            new Artifact(Kind.CODE, "https://github.com/a-granados", "github.com/a-granados"));
    assertThat(user.githubRepo()).isNull();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          Weights at https://huggingface.co/openai/clip-vit-base-patch32.           | MODEL huggingface.co/openai/clip-vit-base-patch32
          We fine-tune huggingface.co/bert-base-uncased on it.                      | MODEL huggingface.co/bert-base-uncased
          Data: https://huggingface.co/datasets/allenai/c4/tree/main                | DATASET huggingface.co/datasets/allenai/c4
          Try the demo (https://huggingface.co/spaces/gradio/hello_world)           | SPACE huggingface.co/spaces/gradio/hello_world
          Code at \\url{https://codeberg.org/forgejo/forgejo}.                       | CODE codeberg.org/forgejo/forgejo
          Code: https://github.com/owner/my\\_repo/blob/main/README.md              | CODE github.com/owner/my_repo
          """)
  void hostsTheCorpusIsTooOldToHave(String text, String expected) {
    assertThat(LinkFinder.find(text).links())
        .extracting(link -> link.kind() + " " + link.name())
        .containsExactly(expected);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          write to someone@github.com for access
          see huggingface.co/papers/2310.11366 and https://huggingface.co/docs
          doi:10.5281/zenodo.123456 and https://doi.org/10.1000/xyz123
          our website http://example.org/lab is down
          https://github.com/features/copilot
          """)
  void noFalseLinks(String text) {
    assertThat(LinkFinder.find(text).links()).isEmpty();
  }

  @Test
  void aSchemeOrHostInCapitalsIsReadAsWritten() {
    assertThat(
            LinkFinder.find(
                    "Project page: HTTP://WWW.Example.org/Lab, code at HTTPS://GitHub.com/Owner/Repo.")
                .links())
        .containsExactly(
            new Artifact(Kind.CODE, "https://github.com/Owner/Repo", "github.com/Owner/Repo"),
            new Artifact(Kind.PROJECT_PAGE, "http://WWW.Example.org/Lab", "Example.org/Lab"));
  }

  @Test
  void onlyWebLinksAreArtifacts() {
    assertThatThrownBy(() -> new Artifact(Kind.CODE, "javascript:alert(1)", "x"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("http or https");
  }
}
