# Helpers shared by the scripts that compile files into the binary
# (embed_pack.cmake, embed_assets.cmake).

# Sets `out_var` to the bytes of `path` as the body of a C++ string literal
# (without the outer quotes): hex escapes survive any content, and a line per
# 20 bytes keeps the generated lines short.
function(whosaid_file_to_literal path out_var)
  file(READ "${path}" content HEX)
  string(REGEX REPLACE "([0-9a-f][0-9a-f])" "\\\\x\\1" content "${content}")
  string(REGEX REPLACE "(\\\\x..\\\\x..\\\\x..\\\\x..\\\\x..\\\\x..\\\\x..\\\\x..\\\\x..\\\\x..\\\\x..\\\\x..\\\\x..\\\\x..\\\\x..\\\\x..\\\\x..\\\\x..\\\\x..\\\\x..)" "\\1\"\n\"" content "${content}")
  set(${out_var} "${content}" PARENT_SCOPE)
endfunction()

# Sets `out_var` to the base64 form of the bytes given as lowercase hex
# digits in `hex` (used for Content-Security-Policy hashes, which CMake's
# string(SHA256) gives in hex).
function(whosaid_hex_to_base64 hex out_var)
  set(alphabet "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/")
  string(LENGTH "${hex}" hex_length)
  set(result "")
  set(i 0)
  while(i LESS hex_length)
    # Three bytes (six hex digits) make four base64 digits; a short last
    # group is padded with zero bits and then with '='.
    string(SUBSTRING "${hex}" ${i} 6 group)
    string(LENGTH "${group}" group_length)
    math(EXPR bytes "${group_length} / 2")
    if(bytes EQUAL 1)
      set(group "${group}0000")
    elseif(bytes EQUAL 2)
      set(group "${group}00")
    endif()
    math(EXPR value "0x${group}")
    math(EXPR digits "${bytes} + 1")
    foreach(shift 18 12 6 0)
      if(digits GREATER 0)
        math(EXPR index "(${value} >> ${shift}) & 63")
        string(SUBSTRING "${alphabet}" ${index} 1 digit)
        string(APPEND result "${digit}")
        math(EXPR digits "${digits} - 1")
      else()
        string(APPEND result "=")
      endif()
    endforeach()
    math(EXPR i "${i} + 6")
  endwhile()
  set(${out_var} "${result}" PARENT_SCOPE)
endfunction()
