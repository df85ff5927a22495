# The warning set from STYLE.md section 11 (zstd's, adapted for C11).
set(HNP_WARNINGS
    -Wall -Wextra -Wpedantic -Wshadow -Wcast-qual -Wcast-align -Wstrict-prototypes
    -Wmissing-prototypes -Wundef -Wpointer-arith -Wvla -Wformat=2 -Winit-self
    -Wwrite-strings -Wredundant-decls -Wswitch-enum -Wfloat-equal)
# Offsets are the bug farm: the library also gets the conversion warnings.
set(HNP_LIB_WARNINGS -Wconversion -Wsign-conversion)
if(HNP_WERROR)
    list(APPEND HNP_WARNINGS -Werror)
endif()

function(hnp_warnings target)
    target_compile_options(${target} PRIVATE $<$<COMPILE_LANGUAGE:C>:${HNP_WARNINGS}>)
endfunction()
