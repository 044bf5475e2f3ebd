#include "cli/input_reader.h"

#include <sys/types.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>

#include "whosaid/document_reader.h"

namespace whosaid::cli {

InputReader::InputReader(std::vector<std::string> paths, std::string mode,
                         OnError on_error)
    : paths_(std::move(paths)), mode_(std::move(mode)), on_error_(on_error) {}

InputReader::~InputReader() {
  Close();
  std::free(line_);
}

void InputReader::Fail(const std::string& where, const std::string& why) {
  std::fprintf(stderr, "whosaid: %s: %s\n", where.c_str(), why.c_str());
  failures_.push_back(where);
  if (on_error_ == OnError::kFail) stopped_ = true;
}

void InputReader::Close() {
  if (in_ != nullptr && in_ != stdin) std::fclose(in_);
  in_ = nullptr;
}

bool InputReader::OpenNext() {
  while (next_path_ < paths_.size()) {
    const std::string& path = paths_[next_path_++];
    jsonl_ = mode_ == "auto" ? path.ends_with(".jsonl") : mode_ == "jsonl";
    line_number_ = 0;
    if (path == "-") {
      in_ = stdin;
      name_ = "stdin";
      return true;
    }
    std::error_code error;
    if (std::filesystem::is_directory(path, error)) {
      Fail(path, "cannot read it: it is a folder");
      if (stopped_) return false;
      continue;
    }
    in_ = std::fopen(path.c_str(), "rb");
    if (in_ == nullptr) {
      Fail(path, std::string("cannot read it: ") + std::strerror(errno));
      if (stopped_) return false;
      continue;
    }
    name_ = path;
    return true;
  }
  return false;
}

// The whole input as one document; a read error fails it rather than
// passing on part of a text.
std::optional<Document> InputReader::ReadText() {
  std::string text;
  char buffer[1 << 16];
  std::size_t got;
  while ((got = std::fread(buffer, 1, sizeof buffer, in_)) > 0) {
    text.append(buffer, got);
    bytes_read_ += got;
  }
  const bool error = std::ferror(in_);
  const int why = errno;
  Close();
  if (error) {
    Fail(name_, std::string("read error: ") + std::strerror(why));
    return std::nullopt;
  }
  return Document{name_, std::move(text)};
}

// The next document of a JSON Lines input. Blank lines are skipped; a bad
// line fails and is skipped; a read error fails the rest of the input.
std::optional<Document> InputReader::ReadLine() {
  ssize_t length;
  while ((length = ::getline(&line_, &line_capacity_, in_)) >= 0) {
    ++line_number_;
    bytes_read_ += static_cast<std::uint64_t>(length);
    std::string_view line(line_, static_cast<std::size_t>(length));
    if (line.ends_with('\n')) line.remove_suffix(1);
    if (line.find_first_not_of(" \t\r") == std::string_view::npos) continue;
    const std::string where = name_ + ":" + std::to_string(line_number_);
    auto doc = ParseDocumentLine(line, where);
    if (doc.ok()) return std::move(doc).value();
    Fail(where, doc.status().message());
    if (stopped_) return std::nullopt;
  }
  if (std::ferror(in_)) {
    const int why = errno;
    Fail(name_ + ":" + std::to_string(line_number_ + 1),
         std::string("read error: ") + std::strerror(why) +
             "; the rest of the file is not read");
  }
  Close();
  return std::nullopt;
}

std::optional<Document> InputReader::Next() {
  while (!stopped_) {
    if (in_ == nullptr && !OpenNext()) return std::nullopt;
    std::optional<Document> doc = jsonl_ ? ReadLine() : ReadText();
    if (doc) return doc;
  }
  return std::nullopt;
}

}  // namespace whosaid::cli
