package dev.paperboy.api;

import dev.paperboy.account.Account;
import dev.paperboy.account.CurrentMember;
import dev.paperboy.curation.Submissions;
import dev.paperboy.curation.Votes;
import dev.paperboy.paper.ArxivId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Writes for signed-in members: submit and upvote. They use the site's session cookie and need the
 * CSRF token in an {@code X-CSRF-TOKEN} header, like the pages' own scripts.
 */
@RestController
@Tag(name = "Community", description = "Submit and upvote papers (signed in, with CSRF token)")
class CommunityApi {
  /** The body of a submission. */
  record SubmitRequest(@Nullable String paper_id) {}

  /** A paper's upvote count after a vote, and whether the caller's vote stands. */
  record VoteAnswer(int upvotes, boolean upvoted) {}

  private final CurrentMember current;
  private final Submissions submissions;
  private final Votes votes;

  CommunityApi(CurrentMember current, Submissions submissions, Votes votes) {
    this.current = current;
    this.submissions = submissions;
    this.votes = votes;
  }

  @Operation(
      summary = "Submit a paper to today's list",
      description =
          "paper_id is an arXiv id in any form or an arXiv URL. 201 when this call put it on the"
              + " list, 200 with the existing entry when it already was on one.")
  @PostMapping("/api/papers/submit")
  ResponseEntity<Map<String, Object>> submit(@RequestBody SubmitRequest request) {
    Account member = current.require();
    String paperId = request.paper_id() == null ? "" : request.paper_id();
    Submissions.Outcome outcome = submissions.submit(member, paperId);
    return ResponseEntity.status(outcome.added() ? HttpStatus.CREATED : HttpStatus.OK)
        .body(
            Map.of(
                "paper_id", outcome.entry().paper().id().base(),
                "list_date", outcome.entry().listDate().toString(),
                "submitted_by", outcome.entry().submittedBy().username(),
                "added", outcome.added()));
  }

  @Operation(summary = "Upvote a paper on a daily list (idempotent)")
  @PostMapping("/api/papers/{id}/upvote")
  VoteAnswer upvote(
      @Parameter(description = "The paper's arXiv id, in any form") @PathVariable String id) {
    Votes.Tally tally = votes.upvote(current.require(), ArxivId.parse(id));
    return new VoteAnswer(tally.upvotes(), tally.upvoted());
  }

  @Operation(summary = "Take your upvote back (idempotent)")
  @DeleteMapping("/api/papers/{id}/upvote")
  VoteAnswer removeUpvote(
      @Parameter(description = "The paper's arXiv id, in any form") @PathVariable String id) {
    Votes.Tally tally = votes.remove(current.require(), ArxivId.parse(id));
    return new VoteAnswer(tally.upvotes(), tally.upvoted());
  }
}
