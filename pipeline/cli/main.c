#include "hnp/hnp.h"
#include <stdio.h>
int main(void)
{
    puts(hnp_version());
    return 0;
}
