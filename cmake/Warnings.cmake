# Strict warnings for MapAudit's own targets (not for third-party headers).
# MAPAUDIT_WARNINGS_AS_ERRORS (the dev preset) makes them errors, except
# -Wnull-dereference and -Wmaybe-uninitialized: GCC 12 reports them inside
# nlohmann/json's and libstdc++'s <regex> inlined code.
option(MAPAUDIT_WARNINGS_AS_ERRORS "Treat compiler warnings in MapAudit's code as errors" OFF)

function(mapaudit_set_warnings target)
  target_compile_options(${target} PRIVATE
    -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor -Wold-style-cast
    -Wcast-align -Woverloaded-virtual -Wconversion -Wno-sign-conversion
    -Wnull-dereference -Wdouble-promotion -Wformat=2 -Wimplicit-fallthrough)
  if(MAPAUDIT_WARNINGS_AS_ERRORS)
    target_compile_options(${target} PRIVATE -Werror -Wno-error=null-dereference
      -Wno-error=maybe-uninitialized)
  endif()
endfunction()
