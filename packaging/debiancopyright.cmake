# SPDX-License-Identifier: MIT
# Writes MESHLANE_COPYRIGHT, /usr/share/doc/meshlane/copyright in Debian's
# machine-readable format (DEP-5), from LICENSE and the bundled fonts' licence
# files: the fonts are compiled into the binary, so their terms ship with it.

# A licence text as a DEP-5 body: every line indented by one space, empty
# lines as " .", trailing blanks dropped.
function(meshlane_dep5_body text out)
  string(REGEX REPLACE "[ \t]+\n" "\n" text "${text}")
  string(REGEX REPLACE "\n+$" "" text "${text}")
  string(REPLACE "\n\n" "\n.\n" text "${text}")
  string(REPLACE "\n\n" "\n.\n" text "${text}") # runs of blank lines
  string(REPLACE "\n" "\n " text "${text}")
  set(${out} " ${text}" PARENT_SCOPE)
endfunction()

# The text after the "License: <name>" line of one of resources/fonts/LICENSE-*.txt.
function(meshlane_font_licence file out)
  file(READ ${file} text)
  string(FIND "${text}" "\nLicense: " at)
  string(SUBSTRING "${text}" ${at} -1 text)
  string(REGEX REPLACE "^\nLicense: [^\n]*\n" "" text "${text}")
  meshlane_dep5_body("${text}" body)
  set(${out} "${body}" PARENT_SCOPE)
endfunction()

file(READ ${PROJECT_SOURCE_DIR}/LICENSE mit)
string(REGEX REPLACE "^MIT License\n\nCopyright[^\n]*\n\n" "" mit "${mit}")
meshlane_dep5_body("${mit}" mit)
meshlane_font_licence(${PROJECT_SOURCE_DIR}/resources/fonts/LICENSE-DejaVu.txt vera)
meshlane_font_licence(${PROJECT_SOURCE_DIR}/resources/fonts/LICENSE-Nanum.txt ofl)

set(MESHLANE_COPYRIGHT ${CMAKE_CURRENT_BINARY_DIR}/copyright)
file(WRITE ${MESHLANE_COPYRIGHT} "Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/
Upstream-Name: Meshlane
Upstream-Contact: Meshlane developers <dev@meshlane.invalid>
Source: https://meshlane.io

Files: *
Copyright: 2026 The Meshlane developers
License: Expat

Files: resources/fonts/DejaVuSans.ttf resources/fonts/DejaVuSans-Bold.ttf
 resources/fonts/DejaVuSansMono.ttf
Copyright: 2003 Bitstream, Inc.
 DejaVu changes are in the public domain.
License: bitstream-vera

Files: resources/fonts/NanumGothic.ttf
Copyright: 2010 NAVER Corporation
License: OFL-1.1

License: Expat
${mit}

License: bitstream-vera
${vera}

License: OFL-1.1
${ofl}
")
set_property(DIRECTORY ${PROJECT_SOURCE_DIR} APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS
  ${PROJECT_SOURCE_DIR}/LICENSE ${PROJECT_SOURCE_DIR}/resources/fonts/LICENSE-DejaVu.txt
  ${PROJECT_SOURCE_DIR}/resources/fonts/LICENSE-Nanum.txt)
