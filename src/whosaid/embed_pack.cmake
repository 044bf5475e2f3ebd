# Writes a C++ source holding every file of a rule pack as a string, so the
# pack is compiled into the binary. Run with -DPACK_DIR=... -DOUTPUT=...
file(GLOB_RECURSE files RELATIVE "${PACK_DIR}" "${PACK_DIR}/*.yaml" "${PACK_DIR}/*.txt")
list(SORT files)
include("${CMAKE_CURRENT_LIST_DIR}/embed_common.cmake")
set(body "")
foreach(f IN LISTS files)
  whosaid_file_to_literal("${PACK_DIR}/${f}" content)
  string(APPEND body "    {\"${f}\",\n\"${content}\"},\n")
endforeach()
file(WRITE "${OUTPUT}.tmp" "// Generated from rules/en by embed_pack.cmake. Do not edit.
#include <iterator>
#include <string>
#include <string_view>

#include \"whosaid/rule_set.h\"

namespace whosaid {
namespace {
struct Entry {
  const char* path;
  std::string_view bytes;
};
const Entry kEntries[] = {
${body}};
}  // namespace

const PackSource& BuiltinEnglishPack() {
  static const PackSource* pack = [] {
    auto* p = new PackSource{\"<builtin>/en\", {}};
    for (const Entry& e : kEntries) {
      p->files.push_back({e.path, std::string(e.bytes)});
    }
    return p;
  }();
  return *pack;
}

}  // namespace whosaid
")
file(COPY_FILE "${OUTPUT}.tmp" "${OUTPUT}" ONLY_IF_DIFFERENT)
