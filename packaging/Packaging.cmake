# What `cmake --install` puts where, and the Debian package CPack makes of it
# (`cmake --build build --target package`, or `cpack -G DEB` in build/; tests/package checks it).
# Only the two programs and their data are installed: no test, benchmark or tool binary.
include(GNUInstallDirs)
set(STEMDECK_APP_ID io.github.stemdeck.stemdeck)

install(TARGETS stemdeck stemdeck-cli RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(FILES ${PROJECT_SOURCE_DIR}/resources/${STEMDECK_APP_ID}.desktop
  DESTINATION ${CMAKE_INSTALL_DATADIR}/applications)
install(FILES ${PROJECT_SOURCE_DIR}/resources/${STEMDECK_APP_ID}.metainfo.xml
  DESTINATION ${CMAKE_INSTALL_DATADIR}/metainfo)
# The icon: the SVG, and PNGs rendered from it once (scripts/render-icons.sh) for desktops
# that want bitmaps; committed, so that building needs no SVG renderer.
set(icons ${CMAKE_INSTALL_DATADIR}/icons/hicolor)
install(FILES ${PROJECT_SOURCE_DIR}/resources/icons/stemdeck.svg
  DESTINATION ${icons}/scalable/apps RENAME ${STEMDECK_APP_ID}.svg)
foreach(size 16 22 24 32 48 64 128 256 512)
  install(FILES ${PROJECT_SOURCE_DIR}/resources/icons/hicolor/stemdeck-${size}.png
    DESTINATION ${icons}/${size}x${size}/apps RENAME ${STEMDECK_APP_ID}.png)
endforeach()
# The demo song the app opens when given none: it looks for <bin>/../share/stemdeck/demo
# (app::SongLocator::demoSong).
install(DIRECTORY ${PROJECT_SOURCE_DIR}/resources/demo/ DESTINATION ${CMAKE_INSTALL_DATADIR}/stemdeck/demo)

# Manual pages, made from each program's own --help at build time so that they never disagree
# with it: help2man for the app (Qt's help layout is the one help2man reads; the app prints
# it without a display on Qt's offscreen platform), packaging/man/cli-help-to-man.awk for
# stemdeck-cli (CLI11's nested command layout is not). gzip -9n: Debian's manual pages are
# compressed, without a timestamp so that the package is reproducible.
find_program(STEMDECK_HELP2MAN help2man)
find_program(STEMDECK_GZIP gzip)
if(STEMDECK_HELP2MAN AND STEMDECK_GZIP)
  set(man ${CMAKE_CURRENT_BINARY_DIR}/man)
  string(TIMESTAMP man_date "%Y-%m-%d" UTC)
  add_custom_command(OUTPUT ${man}/stemdeck.1.gz
    COMMAND ${CMAKE_COMMAND} -E make_directory ${man}
    # PATH: the page's synopsis names the program as `stemdeck`, not by its build path.
    COMMAND ${CMAKE_COMMAND} -E env "PATH=$<TARGET_FILE_DIR:stemdeck>:$ENV{PATH}"
      QT_QPA_PLATFORM=offscreen
      ${STEMDECK_HELP2MAN} --no-info --locale=C.UTF-8
        "--name=multitrack stem player for rehearsal and live shows"
        --include=${PROJECT_SOURCE_DIR}/packaging/man/stemdeck.h2m
        --output=${man}/stemdeck.1 stemdeck
    COMMAND ${STEMDECK_GZIP} -9nf ${man}/stemdeck.1
    DEPENDS stemdeck ${PROJECT_SOURCE_DIR}/packaging/man/stemdeck.h2m
    COMMENT "Manual page of stemdeck from its --help" VERBATIM)
  add_custom_command(OUTPUT ${man}/stemdeck-cli.1.gz
    COMMAND ${CMAKE_COMMAND} -E make_directory ${man}
    COMMAND sh -c "\"$1\" --help | awk -v version=\"$2\" -v date=\"$3\" -f \"$4\" > \"$5\""
      sh $<TARGET_FILE:stemdeck-cli> ${PROJECT_VERSION} ${man_date}
      ${PROJECT_SOURCE_DIR}/packaging/man/cli-help-to-man.awk ${man}/stemdeck-cli.1
    COMMAND ${STEMDECK_GZIP} -9nf ${man}/stemdeck-cli.1
    DEPENDS stemdeck-cli ${PROJECT_SOURCE_DIR}/packaging/man/cli-help-to-man.awk
    COMMENT "Manual page of stemdeck-cli from its --help" VERBATIM)
  add_custom_target(stemdeck_man ALL DEPENDS ${man}/stemdeck.1.gz ${man}/stemdeck-cli.1.gz)
  install(FILES ${man}/stemdeck.1.gz ${man}/stemdeck-cli.1.gz
    DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
else()
  message(STATUS "help2man or gzip not found: no manual pages (scripts/install-deps.sh test)")
endif()

# Debian's own files: the copyright notice and the changelog (gzip -9n, as Debian wants it).
set(doc ${CMAKE_INSTALL_DATADIR}/doc/stemdeck)
install(FILES ${PROJECT_SOURCE_DIR}/packaging/debian/copyright ${PROJECT_SOURCE_DIR}/README.md
  DESTINATION ${doc})
if(STEMDECK_GZIP)
  add_custom_command(OUTPUT ${CMAKE_CURRENT_BINARY_DIR}/changelog.gz
    COMMAND sh -c "\"$1\" -9nc \"$2\" > \"$3\"" sh ${STEMDECK_GZIP}
      ${PROJECT_SOURCE_DIR}/packaging/debian/changelog ${CMAKE_CURRENT_BINARY_DIR}/changelog.gz
    DEPENDS ${PROJECT_SOURCE_DIR}/packaging/debian/changelog VERBATIM)
  add_custom_target(stemdeck_changelog ALL DEPENDS ${CMAKE_CURRENT_BINARY_DIR}/changelog.gz)
  install(FILES ${CMAKE_CURRENT_BINARY_DIR}/changelog.gz DESTINATION ${doc})
endif()

# The Debian package: stemdeck_<version>_<arch>.deb. Depends is computed from the shared
# libraries the programs link (dpkg-shlibdeps, from dpkg-dev); binaries are stripped (the
# debug information stays in the build tree).
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME stemdeck)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_CONTACT "The stemdeck developers <dev@stemdeck.invalid>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "multitrack stem player for rehearsal and live shows")
# The extended description: lines of at most 80 characters (Debian policy 3.4.2).
set(CPACK_PACKAGE_DESCRIPTION "\
stemdeck plays a song's stems (drums, bass, vocals, click ...) in sync and\n\
mixes them live: gain, mute, solo and pan per stem, loops, markers, tempo and\n\
pitch change, a click with count-in, set lists and a stage view. MIDI, OSC and\n\
a web page drive it remotely. stemdeck-cli plays, checks, renders and serves\n\
songs and sets from the command line.")
# GPL-3.0-or-later (COPYING): Rubber Band and qm-dsp are GPL-2+ and espeak-ng GPL-3+, so the
# linked programs can only be distributed under GPL 3 or later. The .deb carries no licence
# field: Debian reads it from /usr/share/doc/stemdeck/copyright.
set(CPACK_RESOURCE_FILE_LICENSE ${PROJECT_SOURCE_DIR}/COPYING)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION sound)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_HOMEPAGE https://github.com/stemdeck/stemdeck)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_STRIP_FILES ON)
# Directories in the package are 0755 whatever the umask of the machine that builds it.
set(CPACK_INSTALL_DEFAULT_DIRECTORY_PERMISSIONS OWNER_READ OWNER_WRITE OWNER_EXECUTE
  GROUP_READ GROUP_EXECUTE WORLD_READ WORLD_EXECUTE)
include(CPack)
