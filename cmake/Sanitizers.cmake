# -DHNP_SANITIZE=address,undefined (or thread) instruments every target.
if(HNP_SANITIZE)
    set(HNP_SAN_FLAGS -fsanitize=${HNP_SANITIZE} -fno-sanitize-recover=all
        -fno-omit-frame-pointer -g)
    add_compile_options(${HNP_SAN_FLAGS})
    add_link_options(${HNP_SAN_FLAGS})
endif()
