/* The OpenGL 3 functions the ImGui backend calls, declared by the system's own headers and
   resolved by libGL at link time. It replaces the loader header that Debian's imgui 1.86 ships,
   whose table holds 53 function pointers but fills 54, writing one past its end at start-up
   (fixed upstream in 1.87). Included into imgui_impl_opengl3.cpp only (app/CMakeLists.txt). */
#ifndef BRAN_GL_PROTOTYPES_H
#define BRAN_GL_PROTOTYPES_H
#define GL_GLEXT_PROTOTYPES 1
#include <GL/gl.h>
#include <GL/glext.h>
#endif
