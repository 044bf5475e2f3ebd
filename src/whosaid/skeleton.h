// The skeleton: a paragraph with each top-level quotation collapsed to one
// placeholder token, so that rules read `⟦Q3⟧, Wang said.` instead of the
// quoted text. Keeps a map back to the original byte offsets.
#ifndef WHOSAID_SKELETON_H_
#define WHOSAID_SKELETON_H_

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "whosaid/quote_scanner.h"
#include "whosaid/span.h"

namespace whosaid {

class Skeleton {
 public:
  // Builds the skeleton of `paragraph` of `text`. Every quote of `quotes`
  // with depth 0 whose outer span lies in the paragraph is replaced, marks
  // included, by kPlaceholderOpen + kSpeechMark or kTitleMark + its index
  // in `quotes` + kPlaceholderClose. Other bytes are copied, except that
  // line breaks and tabs become spaces, a no-break or narrow space (U+00A0,
  // U+2007, U+2009, U+202F) becomes one space, and each byte of an invalid
  // UTF-8 sequence becomes '?' (so rules can read past it).
  Skeleton(std::string_view text, Span paragraph,
           const std::vector<Quote>& quotes);

  // Appends the placeholder of quote `index` of `quotes` (a quotation that
  // opens the next paragraph) right after the text, so that a lead-in
  // ending in a colon ("He declared:") reads as "He declared:⟦Q5⟧".
  void AppendQuote(int index, const std::vector<Quote>& quotes);

  // The skeleton text.
  const std::string& text() const { return text_; }
  // The paragraph it was built from, in original offsets.
  Span paragraph() const { return paragraph_; }

  // Maps a span of the skeleton to the original text. A placeholder that
  // the span cuts into counts whole: the result covers the quote's marks.
  Span ToOriginal(Span skeleton_span) const;

  // The index (into the `quotes` given to the constructor) of the quote
  // whose placeholder is exactly `skeleton_span` (surrounding whitespace
  // ignored), or -1.
  int QuoteAt(Span skeleton_span) const;

  // Indices of the quotes whose placeholders lie inside `skeleton_span`.
  std::vector<int> QuotesIn(Span skeleton_span) const;

  // The sentences of the skeleton (spans of text()), as SplitSentences
  // gives them, and also split after a quotation that ends a sentence of
  // its own (its text ends in . ! or ?) when a capitalised word follows,
  // unless what follows reads as its attribution: a reporting verb among
  // its first words ("⟦Q1⟧ Trump said.", "⟦Q1⟧ US Senator Jeff Sessions
  // said as he opened the vote."), but not after a capitalised pronoun
  // ("⟦Q1⟧ He said the FBI…" starts a sentence) nor when "that" or a
  // subject pronoun follows the verb ("⟦Q1⟧ Ruiz says he will stay" is a
  // statement of its own). `is_cue` tells whether a
  // word is a reporting verb; when it is empty, any short tail reads as
  // the attribution.
  std::vector<Span> Sentences(
      const std::function<bool(std::string_view)>& is_cue = {}) const;

 private:
  // A run of the skeleton: either bytes copied from the original, or one
  // placeholder standing for a quote.
  struct Piece {
    std::size_t skeleton_begin;
    std::size_t skeleton_end;
    Span original;
    int quote;                   // -1 for copied bytes
    bool ends_sentence = false;  // a quote whose text ends in . ! or ?
    // One space standing for a wide space of the original (a no-break
    // space is two bytes), so mapped whole.
    bool replaced = false;
  };
  const Piece* PieceAt(std::size_t skeleton_offset) const;
  // The first piece that begins at or after `skeleton_offset` (pieces are
  // in skeleton order).
  std::vector<Piece>::const_iterator FirstPieceFrom(
      std::size_t skeleton_offset) const;
  // Appends the placeholder of quote `index`, with its kind letter.
  void AddPlaceholder(int index, const Quote& quote);

  std::string_view original_;
  Span paragraph_;
  std::string text_;
  std::vector<Piece> pieces_;
};

}  // namespace whosaid

#endif  // WHOSAID_SKELETON_H_
