import { render } from 'preact';
import '../../components/ui/style.css';
import { Sidebar } from '../../components/ui/Sidebar';

render(<Sidebar />, document.getElementById('app')!);
