// The trivial route the three benchmark apps serve.
import { Controller, Get, Module } from '@nestjs/common';

@Controller('hello')
export class HelloController {
  @Get()
  hello(): { hello: string } {
    return { hello: 'world' };
  }
}

@Module({ controllers: [HelloController] })
export class HelloModule {}
